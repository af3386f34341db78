//! The library in IndexedDB, through the `idb` crate (README, "Storage").
//! The only module that talks to IndexedDB. Records cross into JavaScript
//! as structured values through `serde-wasm-bindgen`, not as JSON strings.
//!
//! Database `rapporteur`, version 1, five object stores keyed by `id`:
//! - `documents`: a release's metadata and [`Summary`] (what the library
//!   list and the views need), read whole at start, written with a new
//!   release or text (not at each change of its annotations);
//! - `texts`: its text (as UTF-8 bytes, in a `Blob` when long: see
//!   [`texts`]), read for the open release at start and for the rest after
//!   the first paint (search, exports);
//! - `annotations`: its annotations and orphans and the time of the last
//!   write, with a `revision` that every write raises, so that a write
//!   based on an older revision (another tab wrote in between) merges
//!   instead of overwriting;
//! - `codebook`: one record, the tags, with a revision too;
//! - `settings`: one record, the release open and how the list is shown.
//!
//! Every failure comes back as a sentence; nothing here panics or throws.

use idb::{
    Database, DatabaseEvent, Factory, KeyPath, ObjectStore, ObjectStoreParams, TransactionMode,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use crate::annotate::{Annotation, Orphan, Tag};
use crate::app::state::library::merge_work;
use crate::app::state::{Sort, StoredRelease};
use crate::library::{merge_codebook, Summary, Work};

mod texts;

const NAME: &str = "rapporteur";
const VERSION: u32 = 1;
const DOCUMENTS: &str = "documents";
const TEXTS: &str = "texts";
const ANNOTATIONS: &str = "annotations";
const CODEBOOK: &str = "codebook";
const SETTINGS: &str = "settings";
const STORES: [&str; 5] = [DOCUMENTS, TEXTS, ANNOTATIONS, CODEBOOK, SETTINGS];

#[derive(Serialize, Deserialize)]
struct DocumentRecord {
    id: String,
    sha256: String,
    added: String,
    modified: String,
    summary: Summary,
}

#[derive(Serialize, Deserialize)]
struct AnnotationsRecord {
    id: String,
    revision: u64,
    annotations: Vec<Annotation>,
    orphans: Vec<Orphan>,
    /// When the release was last written, kept here since an edit of the
    /// annotations alone writes only this record (the document record,
    /// with the summary of every paragraph, is written when the text
    /// changes); records written before this field have it in the
    /// document record only.
    #[serde(default)]
    modified: Option<String>,
}

impl AnnotationsRecord {
    fn into_work(self) -> Work {
        Work {
            annotations: self.annotations,
            orphans: self.orphans,
        }
    }
}

/// The release's last write: its annotations record's time, or else (a
/// record from before that field, or none) the document record's.
fn last_written(record: Option<&AnnotationsRecord>, document_modified: String) -> String {
    record
        .and_then(|r| r.modified.clone())
        .unwrap_or(document_modified)
}

#[derive(Serialize, Deserialize)]
struct CodebookRecord {
    id: String,
    revision: u64,
    tags: Vec<Tag>,
}

/// What the settings record holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Settings {
    pub open: Option<String>,
    pub sort_by_title: bool,
    pub body: Option<String>,
}

impl Settings {
    pub fn sort(&self) -> Sort {
        if self.sort_by_title {
            Sort::Title
        } else {
            Sort::Date
        }
    }
}

#[derive(Serialize, Deserialize)]
struct SettingsRecord {
    id: String,
    #[serde(flatten)]
    settings: Settings,
}

/// A connection to the library's database.
#[derive(Clone)]
pub struct Db(std::rc::Rc<Database>);

/// Why IndexedDB could not be used, in words for the reader.
fn unavailable(error: impl std::fmt::Display) -> String {
    format!("IndexedDB is not available in this browser ({error})")
}

/// Says a failed write in words; a full storage is named as such.
pub fn write_problem(error: impl std::fmt::Display) -> String {
    let text = error.to_string();
    if text.contains("Quota") || text.contains("quota") {
        "the browser's storage for this site is full".to_owned()
    } else {
        format!("the browser refused to save ({text})")
    }
}

impl Db {
    /// Closes the connection (once no transaction is running).
    pub fn close(&self) {
        self.0.close();
    }
}

/// Opens (and on first use creates) the database.
pub async fn open() -> Result<Db, String> {
    let factory = Factory::new().map_err(unavailable)?;
    let mut request = factory.open(NAME, Some(VERSION)).map_err(unavailable)?;
    request.on_upgrade_needed(|event| {
        let Ok(database) = event.database() else {
            return;
        };
        let existing = database.store_names();
        for store in STORES {
            if existing.iter().any(|name| name == store) {
                continue;
            }
            let mut params = ObjectStoreParams::new();
            params.key_path(Some(KeyPath::new_single("id")));
            // A failure here aborts the upgrade, and `open` reports it.
            let _ = database.create_object_store(store, params);
        }
    });
    let database = request.await.map_err(unavailable)?;
    Ok(Db(std::rc::Rc::new(database)))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, String> {
    value
        // Maps as plain objects (what the tests and devtools read), but
        // bytes as one `Uint8Array` each, not an array of numbers.
        .serialize(
            &serde_wasm_bindgen::Serializer::json_compatible().serialize_bytes_as_arrays(false),
        )
        .map_err(|e| format!("a record could not be prepared ({e})"))
}

fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| format!("a stored record could not be read ({e})"))
}

fn store(transaction: &idb::Transaction, name: &str) -> Result<ObjectStore, String> {
    transaction.object_store(name).map_err(|e| e.to_string())
}

async fn get_all<T: DeserializeOwned>(store: &ObjectStore) -> Result<Vec<T>, String> {
    let values = get_all_values(store).await?;
    // One damaged record must not lose the rest.
    Ok(values.into_iter().filter_map(|v| from_js(v).ok()).collect())
}

/// Every record of a store as it is stored.
async fn get_all_values(store: &ObjectStore) -> Result<Vec<JsValue>, String> {
    store
        .get_all(None, None)
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())
}

async fn get<T: DeserializeOwned>(store: &ObjectStore, id: &str) -> Result<Option<T>, String> {
    get_value(store, id).await?.map(from_js).transpose()
}

/// Record `id` as it is stored, if there is one.
async fn get_value(store: &ObjectStore, id: &str) -> Result<Option<JsValue>, String> {
    let value = store
        .get(JsValue::from_str(id))
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    Ok(value.filter(|value| !value.is_undefined()))
}

async fn put<T: Serialize>(store: &ObjectStore, value: &T) -> Result<(), String> {
    put_value(store, &to_js(value)?).await
}

async fn put_value(store: &ObjectStore, value: &JsValue) -> Result<(), String> {
    store
        .put(value, None)
        .map_err(write_problem)?
        .await
        .map_err(write_problem)?;
    Ok(())
}

/// Waits for a read-write transaction to commit; an abort is a failure,
/// with the browser's reason (a full storage aborts the transaction).
async fn commit(transaction: idb::Transaction, probe: &ObjectStore) -> Result<(), String> {
    let result = transaction.await.map_err(write_problem)?;
    if result.is_committed() {
        return Ok(());
    }
    let reason = probe
        .transaction()
        .error()
        .map(|e| format!("{}: {}", e.name(), e.message()))
        .unwrap_or_else(|| "the transaction was aborted".to_owned());
    Err(write_problem(reason))
}

/// Everything the library list and views need, without the texts.
pub struct Contents {
    pub releases: Vec<StoredRelease>,
    pub codebook: Option<(Vec<Tag>, u64)>,
    pub settings: Settings,
}

pub async fn load(db: &Db) -> Result<Contents, String> {
    let transaction =
        db.0.transaction(
            &[DOCUMENTS, ANNOTATIONS, CODEBOOK, SETTINGS],
            TransactionMode::ReadOnly,
        )
        .map_err(|e| e.to_string())?;
    let documents: Vec<DocumentRecord> = get_all(&store(&transaction, DOCUMENTS)?).await?;
    let annotations: Vec<AnnotationsRecord> = get_all(&store(&transaction, ANNOTATIONS)?).await?;
    let codebook: Option<CodebookRecord> = get(&store(&transaction, CODEBOOK)?, CODEBOOK).await?;
    let settings: Option<SettingsRecord> = get(&store(&transaction, SETTINGS)?, SETTINGS).await?;
    let mut works: std::collections::HashMap<String, AnnotationsRecord> =
        annotations.into_iter().map(|a| (a.id.clone(), a)).collect();
    let releases = documents
        .into_iter()
        .map(|d| {
            let record = works.remove(&d.id);
            let modified = last_written(record.as_ref(), d.modified);
            StoredRelease {
                revision: record.as_ref().map_or(0, |r| r.revision),
                work: record.map_or_else(Work::default, AnnotationsRecord::into_work),
                id: d.id,
                sha256: d.sha256,
                added: d.added,
                modified,
                summary: d.summary,
            }
        })
        .collect();
    Ok(Contents {
        releases,
        codebook: codebook.map(|c| (c.tags, c.revision)),
        settings: settings.map(|s| s.settings).unwrap_or_default(),
    })
}

/// One release's text.
pub async fn text(db: &Db, id: &str) -> Result<Option<String>, String> {
    let transaction =
        db.0.transaction(&[TEXTS], TransactionMode::ReadOnly)
            .map_err(|e| e.to_string())?;
    get_text(&store(&transaction, TEXTS)?, id).await
}

/// Release `id`'s text from the `texts` store, of either shape.
async fn get_text(store: &ObjectStore, id: &str) -> Result<Option<String>, String> {
    match get_value(store, id).await? {
        Some(record) => Ok(Some(texts::from_record(record).await?.1)),
        None => Ok(None),
    }
}

/// Every text.
pub async fn texts(db: &Db) -> Result<Vec<(String, String)>, String> {
    let transaction =
        db.0.transaction(&[TEXTS], TransactionMode::ReadOnly)
            .map_err(|e| e.to_string())?;
    let records = get_all_values(&store(&transaction, TEXTS)?).await?;
    let mut found = Vec::with_capacity(records.len());
    for record in records {
        // One damaged record must not lose the rest.
        if let Ok(text) = texts::from_record(record).await {
            found.push(text);
        }
    }
    Ok(found)
}

/// One release, as another tab left it (or `None` if it was deleted).
pub async fn release(db: &Db, id: &str) -> Result<Option<(StoredRelease, Option<String>)>, String> {
    let transaction =
        db.0.transaction(&[DOCUMENTS, TEXTS, ANNOTATIONS], TransactionMode::ReadOnly)
            .map_err(|e| e.to_string())?;
    let Some(document): Option<DocumentRecord> = get(&store(&transaction, DOCUMENTS)?, id).await?
    else {
        return Ok(None);
    };
    let record: Option<AnnotationsRecord> = get(&store(&transaction, ANNOTATIONS)?, id).await?;
    let text = get_text(&store(&transaction, TEXTS)?, id).await?;
    let modified = last_written(record.as_ref(), document.modified);
    Ok(Some((
        StoredRelease {
            revision: record.as_ref().map_or(0, |r| r.revision),
            work: record.map_or_else(Work::default, AnnotationsRecord::into_work),
            id: document.id,
            sha256: document.sha256,
            added: document.added,
            modified,
            summary: document.summary,
        },
        text,
    )))
}

/// A release's annotations as another tab left them, with their revision
/// and last write, read without the text or the document record (a write
/// of the annotations alone changed neither). `None` if the release has no
/// annotations record, or one from before the record kept its write time.
pub async fn work(db: &Db, id: &str) -> Result<Option<(Work, u64, String)>, String> {
    let transaction =
        db.0.transaction(&[ANNOTATIONS], TransactionMode::ReadOnly)
            .map_err(|e| e.to_string())?;
    let record: Option<AnnotationsRecord> = get(&store(&transaction, ANNOTATIONS)?, id).await?;
    Ok(record.and_then(|mut r| {
        let modified = r.modified.take()?;
        let revision = r.revision;
        Some((r.into_work(), revision, modified))
    }))
}

/// A release to write.
pub struct ReleaseWrite<'a> {
    pub id: &'a str,
    pub sha256: &'a str,
    pub added: &'a str,
    pub modified: &'a str,
    pub summary: &'a Summary,
    /// The document record (sha, `added`, summary) changed since the last
    /// write: a new release, a new text. Otherwise only the annotations
    /// record is written, unless storage has none (a first write) or
    /// another tab wrote in between.
    pub document_changed: bool,
    /// Written only when it changed.
    pub text: Option<&'a str>,
    pub work: &'a Work,
    /// The stored revision this work is based on.
    pub revision: u64,
}

/// What a write left in storage.
pub struct ReleaseWritten {
    pub revision: u64,
    /// The text or the document record was written, not only the annotations.
    pub document: bool,
    /// When another tab had written in between on the same text: both
    /// works merged, as written.
    pub merged: Option<Work>,
}

/// Writes a release in one transaction; merges with another tab's newer
/// write of the same text by annotation id.
pub async fn write_release(db: &Db, write: ReleaseWrite<'_>) -> Result<ReleaseWritten, String> {
    let transaction =
        db.0.transaction(&[DOCUMENTS, TEXTS, ANNOTATIONS], TransactionMode::ReadWrite)
            .map_err(write_problem)?;
    let documents = store(&transaction, DOCUMENTS)?;
    let annotations = store(&transaction, ANNOTATIONS)?;
    let stored: Option<AnnotationsRecord> = get(&annotations, write.id).await?;
    let stored_revision = stored.as_ref().map_or(0, |r| r.revision);
    // When another tab wrote in between, the document record is written
    // as before this optimisation, whatever changed here.
    let write_document =
        write.document_changed || stored.as_ref().is_none_or(|r| r.revision > write.revision);
    let mut merged = None;
    if let Some(theirs) = stored.filter(|r| r.revision > write.revision) {
        // Read only when another tab wrote in between: the record holds
        // the release's summary, which on a long text takes longer to
        // read than the annotations.
        let stored_document: Option<DocumentRecord> = get(&documents, write.id).await?;
        let same_text = stored_document
            .as_ref()
            .is_some_and(|d| d.sha256 == write.sha256);
        if same_text {
            merged = Some(merge_work(write.work, &theirs.into_work()));
        }
    }
    let work = merged.as_ref().unwrap_or(write.work);
    let revision = stored_revision.max(write.revision) + 1;
    let result = async {
        if write_document {
            put(
                &documents,
                &DocumentRecord {
                    id: write.id.to_owned(),
                    sha256: write.sha256.to_owned(),
                    added: write.added.to_owned(),
                    modified: write.modified.to_owned(),
                    summary: write.summary.clone(),
                },
            )
            .await?;
        }
        if let Some(text) = write.text {
            let store = store(&transaction, TEXTS)?;
            put_value(&store, &texts::to_record(write.id, text)?).await?;
        }
        put(
            &annotations,
            &AnnotationsRecord {
                id: write.id.to_owned(),
                revision,
                annotations: work.annotations.clone(),
                orphans: work.orphans.clone(),
                modified: Some(write.modified.to_owned()),
            },
        )
        .await
    }
    .await;
    if let Err(problem) = result {
        let _ = transaction.abort();
        return Err(problem);
    }
    commit(transaction, &annotations).await?;
    Ok(ReleaseWritten {
        revision,
        document: write_document || write.text.is_some(),
        merged,
    })
}

/// Writes the codebook; merges by name with another tab's newer one.
pub async fn write_codebook(
    db: &Db,
    tags: &[Tag],
    revision: u64,
) -> Result<(u64, Option<Vec<Tag>>), String> {
    let transaction =
        db.0.transaction(&[CODEBOOK], TransactionMode::ReadWrite)
            .map_err(write_problem)?;
    let codebook = store(&transaction, CODEBOOK)?;
    let stored: Option<CodebookRecord> = get(&codebook, CODEBOOK).await?;
    let stored_revision = stored.as_ref().map_or(0, |r| r.revision);
    let merged = stored
        .filter(|r| r.revision > revision)
        .map(|theirs| merge_codebook(tags, &theirs.tags).0)
        .filter(|merged| merged.as_slice() != tags);
    let next = stored_revision.max(revision) + 1;
    let record = CodebookRecord {
        id: CODEBOOK.to_owned(),
        revision: next,
        tags: merged.clone().unwrap_or_else(|| tags.to_vec()),
    };
    if let Err(problem) = put(&codebook, &record).await {
        let _ = transaction.abort();
        return Err(problem);
    }
    commit(transaction, &codebook).await?;
    Ok((next, merged))
}

pub async fn write_settings(db: &Db, settings: &Settings) -> Result<(), String> {
    let transaction =
        db.0.transaction(&[SETTINGS], TransactionMode::ReadWrite)
            .map_err(write_problem)?;
    let store = store(&transaction, SETTINGS)?;
    let record = SettingsRecord {
        id: SETTINGS.to_owned(),
        settings: settings.clone(),
    };
    if let Err(problem) = put(&store, &record).await {
        let _ = transaction.abort();
        return Err(problem);
    }
    commit(transaction, &store).await
}

/// Removes releases: their metadata, text and annotations.
pub async fn delete_releases(db: &Db, ids: &[String]) -> Result<(), String> {
    let transaction =
        db.0.transaction(&[DOCUMENTS, TEXTS, ANNOTATIONS], TransactionMode::ReadWrite)
            .map_err(write_problem)?;
    let stores = [
        store(&transaction, DOCUMENTS)?,
        store(&transaction, TEXTS)?,
        store(&transaction, ANNOTATIONS)?,
    ];
    for id in ids {
        for store in &stores {
            store
                .delete(JsValue::from_str(id))
                .map_err(write_problem)?
                .await
                .map_err(write_problem)?;
        }
    }
    commit(transaction, &stores[0]).await
}

/// The codebook as stored (for another tab's change).
pub async fn codebook(db: &Db) -> Result<Option<(Vec<Tag>, u64)>, String> {
    let transaction =
        db.0.transaction(&[CODEBOOK], TransactionMode::ReadOnly)
            .map_err(|e| e.to_string())?;
    let record: Option<CodebookRecord> = get(&store(&transaction, CODEBOOK)?, CODEBOOK).await?;
    Ok(record.map(|r| (r.tags, r.revision)))
}
