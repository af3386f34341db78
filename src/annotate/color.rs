//! Tag colours: `#rrggbb` strings, and the WCAG contrast arithmetic that lets
//! the app pick a readable text colour on any highlight the user chooses.

/// Normalises `#rgb` or `#rrggbb` (any case, surrounding spaces ignored) to
/// lower-case `#rrggbb`; anything else is `None`.
pub fn normalize_color(input: &str) -> Option<String> {
    let hex = input.trim().strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let full = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect::<String>(),
        6 => hex.to_owned(),
        _ => return None,
    };
    Some(format!("#{}", full.to_ascii_lowercase()))
}

fn channels(color: &str) -> Option<[u8; 3]> {
    let hex = normalize_color(color)?;
    let byte = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).ok();
    Some([byte(1)?, byte(3)?, byte(5)?])
}

/// WCAG 2 relative luminance of an sRGB colour.
fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG 2 contrast ratio between two colours, from 1 to 21; `None` if either
/// is not a colour.
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(channels(a)?), luminance(channels(b)?));
    let (light, dark) = if la >= lb { (la, lb) } else { (lb, la) };
    Some((light + 0.05) / (dark + 0.05))
}

/// Black or white, whichever reads better on `background` (black if the
/// background is not a colour).
pub fn text_color_on(background: &str) -> &'static str {
    let on_black = contrast_ratio(background, "#000000").unwrap_or(21.0);
    let on_white = contrast_ratio(background, "#ffffff").unwrap_or(1.0);
    if on_black >= on_white {
        "#000000"
    } else {
        "#ffffff"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_short_and_long_forms() {
        assert_eq!(normalize_color(" #ABC ").as_deref(), Some("#aabbcc"));
        assert_eq!(normalize_color("#E69F00").as_deref(), Some("#e69f00"));
        for bad in ["", "#", "e69f00", "#e69f0", "#ggg", "#e69f00ff", "red"] {
            assert_eq!(normalize_color(bad), None, "{bad}");
        }
    }

    #[test]
    fn contrast_matches_wcag_extremes() {
        let ratio = contrast_ratio("#000", "#fff").unwrap();
        assert!((ratio - 21.0).abs() < 1e-9);
        assert!((contrast_ratio("#777777", "#777777").unwrap() - 1.0).abs() < 1e-9);
        assert_eq!(text_color_on("#0b3d91"), "#ffffff");
        assert_eq!(text_color_on("#f0e442"), "#000000");
    }
}
