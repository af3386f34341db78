//! Zip archives through the `zip` crate (deflate by miniz_oxide, pure
//! Rust): writing an export's files, and opening zips handed to import.
//! Entries are dated 1980-01-01, the zip epoch, since the core reads no
//! clock: the same export gives the same bytes.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::{ExportError, InputFile, Loaded};
use crate::annotate::ImportError;

/// Most files a zip handed to import may hold.
const MAX_ENTRIES: usize = 10_000;

/// A zip of `files` (name, content), deflated, in the order given.
pub(crate) fn write_zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, ExportError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, bytes) in files {
        zip.start_file(name.as_str(), options)
            .map_err(|e| ExportError::Archive(e.to_string()))?;
        zip.write_all(bytes)
            .map_err(|e| ExportError::Archive(e.to_string()))?;
    }
    let cursor = zip
        .finish()
        .map_err(|e| ExportError::Archive(e.to_string()))?;
    Ok(cursor.into_inner())
}

/// The files to import, with each zip replaced by the files inside it
/// (directories, dot-files and macOS resource forks left out). Each file,
/// and a zip's unpacked total, may be at most `limit` bytes.
pub(crate) fn expand(files: &[InputFile], limit: u64) -> Result<Vec<Loaded>, ImportError> {
    if files.is_empty() {
        return Err(ImportError::Empty);
    }
    let mut out = Vec::new();
    for file in files {
        crate::annotate::check_size(len64(file.bytes.len()), limit)?;
        if file.bytes.starts_with(b"PK\x03\x04") || file.bytes.starts_with(b"PK\x05\x06") {
            out.extend(unzip(file, limit)?);
        } else {
            out.push(Loaded {
                name: file.name.to_owned(),
                bytes: file.bytes.to_vec(),
            });
        }
    }
    if out.is_empty() {
        return Err(ImportError::NotOurFormat(
            "the zip archive holds no files".to_owned(),
        ));
    }
    Ok(out)
}

fn unzip(file: &InputFile, limit: u64) -> Result<Vec<Loaded>, ImportError> {
    let broken = |why: String| {
        ImportError::NotOurFormat(format!(
            "{} is a zip archive that cannot be read: {why}",
            file.name
        ))
    };
    let mut archive =
        ZipArchive::new(Cursor::new(file.bytes)).map_err(|e| broken(e.to_string()))?;
    if archive.len() > MAX_ENTRIES {
        return Err(broken(format!(
            "it holds {} files, more than the {MAX_ENTRIES} an import may",
            archive.len()
        )));
    }
    let mut out = Vec::new();
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(|e| broken(e.to_string()))?;
        let name = entry
            .name()
            .map_err(|e| broken(e.to_string()))?
            .into_owned();
        let base = name.rsplit('/').next().unwrap_or_default();
        if entry.is_dir() || base.is_empty() || base.starts_with('.') || name.contains("__MACOSX") {
            continue;
        }
        // The stated size may lie; reading stops at the limit either way.
        let room = limit.saturating_sub(total);
        let mut bytes = Vec::new();
        (&mut entry)
            .take(room.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| broken(format!("{name}: {e}")))?;
        total = total.saturating_add(len64(bytes.len()));
        if total > limit {
            return Err(ImportError::TooLarge { size: total, limit });
        }
        out.push(Loaded { name, bytes });
    }
    Ok(out)
}

fn len64(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}
