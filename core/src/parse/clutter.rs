//! Web-page furniture that comes along when a release is copied from a
//! browser: skip links, menus, share buttons, language pickers, breadcrumbs.
//! Such lines stay in the text (offsets must not move) but are marked
//! `clutter` so that no later pass reads them as a headline or a speaker.

use super::draft::Para;
use super::words::{ends_like_sentence, fold};
use crate::document::ParagraphRole;

/// Whole lines that are furniture wherever they appear, compared folded;
/// sorted, for a binary search.
const FURNITURE: &[&str] = &[
    "[tweet this]",
    "a-z site index",
    "accept",
    "accept all",
    "accept all cookies",
    "accessibility",
    "back to top",
    "bluesky",
    "breadcrumb",
    "close",
    "close menu",
    "contact us",
    "cookie settings",
    "copy link",
    "copyright",
    "daily press briefing",
    "download",
    "download pdf",
    "e-mail",
    "email",
    "email this",
    "english",
    "español",
    "facebook",
    "faq",
    "flickr",
    "follow us",
    "follow us on",
    "français",
    "fraud alert",
    "home",
    "in progress at unhq",
    "instagram",
    "jump to content",
    "language",
    "language:",
    "languages",
    "languages:",
    "linkedin",
    "log in",
    "login",
    "main menu",
    "main navigation",
    "media alert",
    "media alerts",
    "meeting summaries",
    "meetings coverage",
    "meetings coverage and press releases",
    "meetings summaries",
    "menu",
    "open menu",
    "photo",
    "photos",
    "press conference",
    "press conferences",
    "press releases",
    "print",
    "print this",
    "print this page",
    "privacy notice",
    "privacy policy",
    "read more",
    "reject all",
    "related",
    "related content",
    "related document",
    "related documents",
    "related links",
    "search",
    "search form",
    "search the site",
    "search the united nations",
    "select language",
    "share",
    "share on facebook",
    "share on linkedin",
    "share on twitter",
    "share on x",
    "share on x (formerly twitter)",
    "share this",
    "share this article",
    "share this page",
    "share this:",
    "share via",
    "share via email",
    "sign in",
    "site index",
    "site map",
    "sitemap",
    "skip navigation",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "subscribe",
    "terms of use",
    "threads",
    "toggle navigation",
    "top of page",
    "tweet",
    "tweet this",
    "twitter",
    "un web tv",
    "video",
    "webcast",
    "welcome to the united nations",
    "whatsapp",
    "x",
    "x (formerly twitter)",
    "you are here",
    "you are here:",
    "youtube",
    "русский",
    "العربية",
    "中文",
];

/// Marks furniture lines anywhere in the text as clutter.
pub fn mark(paras: &mut [Para]) {
    for para in paras.iter_mut() {
        if is_furniture(para.text) {
            para.role = ParagraphRole::Clutter;
        }
    }
}

pub fn is_furniture(line: &str) -> bool {
    // Furniture is short; running text never needs folding here.
    if line.len() > 160 {
        return false;
    }
    (line.len() <= 48 && FURNITURE.binary_search(&fold(line).as_str()).is_ok())
        || is_breadcrumb(line)
        || is_slash_breadcrumb(line)
        || is_language_list(line)
        || is_bracketed_link(line)
        || is_link_prompt(line)
}

/// `Home > News > Press releases`: short items joined by arrows.
fn is_breadcrumb(line: &str) -> bool {
    if !(line.contains('>') || line.contains('›') || line.contains('»')) {
        return false;
    }
    let separators =
        line.matches(" > ").count() + line.matches(" › ").count() + line.matches(" » ").count();
    separators >= 1 && line.chars().count() < 160 && !ends_like_sentence(line)
}

/// `Home / Meetings Coverage / General Assembly`: short items joined by
/// spaced slashes, starting at `Home` or with at least three items.
fn is_slash_breadcrumb(line: &str) -> bool {
    if !line.contains(" / ") || ends_like_sentence(line) {
        return false;
    }
    let items: Vec<&str> = line.split(" / ").map(str::trim).collect();
    let short = items
        .iter()
        .all(|item| !item.is_empty() && item.chars().count() <= 60);
    let home = items[0].eq_ignore_ascii_case("home");
    short && (items.len() >= 3 || home)
}

/// `English Français Español Русский 中文 العربية`: a language picker
/// copied as one line.
fn is_language_list(line: &str) -> bool {
    const LANGUAGES: &[&str] = &[
        "english",
        "français",
        "francais",
        "español",
        "espanol",
        "русский",
        "中文",
        "العربية",
        "português",
        "kiswahili",
        "deutsch",
        "arabic",
        "chinese",
        "french",
        "russian",
        "spanish",
        "|",
    ];
    let mut count = 0;
    for word in line.split_whitespace() {
        let known = if word.is_ascii() {
            LANGUAGES.iter().any(|l| l.eq_ignore_ascii_case(word))
        } else {
            LANGUAGES.contains(&word.to_lowercase().as_str())
        };
        if !known {
            return false;
        }
        count += 1;
    }
    count >= 2
}

/// `[WATCH A VIDEO THAT FEATURES ...]`: link text in square brackets, in
/// capitals, as sites print their calls to action.
fn is_bracketed_link(line: &str) -> bool {
    line.starts_with('[')
        && line.ends_with(']')
        && !line[1..line.len() - 1].chars().any(char::is_lowercase)
}

/// `Click here for Full Press Release.`, `View source version on ...`.
fn is_link_prompt(line: &str) -> bool {
    [
        "click here",
        "view source version on",
        "view original content",
        "view the full release",
    ]
    .iter()
    .any(|prompt| {
        line.get(..prompt.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prompt))
    })
}

#[cfg(test)]
mod tests {
    use super::is_furniture;

    #[test]
    fn furniture_is_sorted() {
        assert!(super::FURNITURE.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn furniture() {
        for line in [
            "Skip to main content",
            "SHARE",
            "[TWEET THIS]",
            "Home > Press > 2024",
            "[WATCH A VIDEO ABOUT THE PROGRAMME]",
            "Click here for Full Press Release.",
            "Español",
            "English Français Español Русский 中文 العربية",
            "Home / Meetings Coverage / General Assembly / Third Committee",
            "Home / Press",
            "In progress at UNHQ",
            "Related documents",
        ] {
            assert!(is_furniture(line), "{line}");
        }
    }

    #[test]
    fn not_furniture() {
        for line in [
            "Statements",
            "Briefings",
            "Share prices rose 5 per cent > expectations.",
            "[The Organization was established in 1994.]",
            "Email the team at press@example.org for details.",
            "Prices rose / fell by turns.",
            "English is one of the six official languages.",
            "SG/SM/21952-SC/15430",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }
}
