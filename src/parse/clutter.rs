//! Web-page furniture that comes along when a release is copied from a
//! browser: skip links, menus, share buttons, language pickers, breadcrumbs.
//! Such lines stay in the text (offsets must not move) but are marked
//! `clutter` so that no later pass reads them as a headline or a speaker.

use super::draft::Para;
use super::words::{ends_like_sentence, fold};
use crate::document::ParagraphRole;

/// Whole lines that are furniture wherever they appear, compared folded.
const FURNITURE: &[&str] = &[
    "skip to main content",
    "skip to content",
    "skip to navigation",
    "skip navigation",
    "jump to content",
    "toggle navigation",
    "main navigation",
    "main menu",
    "menu",
    "open menu",
    "close menu",
    "close",
    "search",
    "search form",
    "search the site",
    "home",
    "back to top",
    "top of page",
    "share",
    "share this",
    "share this:",
    "share this page",
    "share this article",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share on linkedin",
    "share via email",
    "tweet",
    "tweet this",
    "[tweet this]",
    "facebook",
    "twitter",
    "x (formerly twitter)",
    "x",
    "share on x (formerly twitter)",
    "bluesky",
    "threads",
    "flickr",
    "linkedin",
    "whatsapp",
    "instagram",
    "youtube",
    "email",
    "e-mail",
    "print",
    "print this page",
    "copy link",
    "subscribe",
    "follow us",
    "follow us on",
    "related",
    "related links",
    "related content",
    "read more",
    "you are here:",
    "you are here",
    "breadcrumb",
    "language",
    "languages",
    "select language",
    "english",
    "français",
    "español",
    "русский",
    "中文",
    "العربية",
    "accept",
    "accept all",
    "accept all cookies",
    "cookie settings",
    "reject all",
    "sign in",
    "log in",
    "login",
    "download pdf",
    "download",
    "welcome to the united nations",
    "meetings coverage and press releases",
    "meetings coverage",
    "press releases",
    "contact us",
    "sitemap",
    "site map",
    "privacy policy",
    "privacy notice",
    "terms of use",
    "copyright",
    "fraud alert",
    "faq",
    "accessibility",
    "in progress at unhq",
    "media alert",
    "media alerts",
    "press conference",
    "press conferences",
    "related documents",
    "related document",
    "a-z site index",
    "site index",
    "search the united nations",
    "language:",
    "languages:",
    "un web tv",
    "webcast",
    "photo",
    "photos",
    "video",
    "meeting summaries",
    "meetings summaries",
    "daily press briefing",
    "print this",
    "email this",
    "share via",
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
    (line.len() <= 48 && FURNITURE.contains(&fold(line).as_str()))
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
        if !LANGUAGES.contains(&fold(word).as_str()) {
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
