//! Whether a text the reader parsed is an edit of the open release (a typo
//! fixed, a paragraph added: the same release, annotations follow it) or
//! another release (pasted over it: a new release of the library).

/// True when `new` keeps most of `old`: the common start and end together
/// cover at least half of the shorter text (typing, fixing, inserting), or
/// at least half of the old text's lines, by length, are lines of the new
/// one (the same release pasted again from another page, with other
/// clutter around it, or edited in several places). Pasting another
/// release over the text keeps neither: releases of one organ share a few
/// header and footer lines, far from half. An empty old text is always
/// edited.
pub fn is_edit_of(old: &str, new: &str) -> bool {
    if old.trim().is_empty() || new.trim().is_empty() {
        return true;
    }
    let prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let rest_old = &old.as_bytes()[prefix..];
    let rest_new = &new.as_bytes()[prefix..];
    let suffix = rest_old
        .iter()
        .rev()
        .zip(rest_new.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let shorter = old.len().min(new.len());
    (prefix + suffix) * 2 >= shorter || shared_lines(old, new) * 2 >= old.trim().len()
}

/// Bytes of `old`'s non-blank lines that are also lines of `new`.
fn shared_lines(old: &str, new: &str) -> usize {
    let lines: std::collections::HashSet<&str> = new.lines().map(str::trim).collect();
    old.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && lines.contains(line))
        .map(str::len)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::is_edit_of;

    #[test]
    fn edits_and_new_releases() {
        let old = "Security Council\n\nThe Council met today on the situation in the region.\n\nFor information media.";
        assert!(is_edit_of(old, &old.replace("met", "meets")));
        assert!(is_edit_of(
            old,
            &format!("{old}\n\nA paragraph added at the end.")
        ));
        assert!(is_edit_of("ab", "abc"), "typing");
        assert!(is_edit_of("", "anything"));
        let both_ends = old
            .replace("Security Council", "Security  Council")
            .replace("media.", "media");
        assert!(
            is_edit_of(old, &both_ends),
            "edited at both ends, the middle kept"
        );
        let other = "General Assembly\n\nDelegates debated the budget of the Organization for a whole day.\n\nFor information media.";
        assert!(!is_edit_of(old, other));
    }
}
