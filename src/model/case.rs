//! Upper and lower case without Unicode's case tables. `char::to_uppercase`/`to_lowercase` pull
//! the tables into the wasm: measured on 2026-12-04, 11.9 KB gzip (286,099 against 274,190
//! bytes). dragonbear only changes the case of its own words and of country and series labels in
//! en/fr/de, which ASCII plus Latin-1 (à–þ ↔ À–Þ) covers; other characters are left as they are.
//! `agrees_with_unicode_on_ascii_and_latin_1` checks every such character against the standard
//! library.

/// `c` in upper case, for ASCII and Latin-1 letters.
pub fn upper(c: char) -> char {
    match c {
        'a'..='z' => c.to_ascii_uppercase(),
        'à'..='þ' if c != '÷' => char::from_u32(c as u32 - 0x20).unwrap_or(c),
        _ => c,
    }
}

/// `c` in lower case, for ASCII and Latin-1 letters.
pub fn lower(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        _ => c,
    }
}

/// `s` in lower case (see [`lower`]).
pub fn lowercase(s: &str) -> String {
    s.chars().map(lower).collect()
}

/// `s` with its first letter in upper case (see [`upper`]).
pub fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| upper(f).to_string() + c.as_str()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_unicode_on_ascii_and_latin_1() {
        for c in (0u32..0x250).filter_map(char::from_u32) {
            if c.is_ascii() || ('À'..='þ').contains(&c) && c != '÷' && c != '×' && c != 'ß' {
                assert_eq!(upper(c).to_string(), c.to_uppercase().to_string(), "{c}");
                assert_eq!(lower(c).to_string(), c.to_lowercase().to_string(), "{c}");
            }
        }
        assert_eq!(upper('ß'), 'ß');
        assert_eq!(capitalised("écart"), "Écart");
        assert_eq!(capitalised(""), "");
        assert_eq!(lowercase("Côte d'Ivoire ÉTATS"), "côte d'ivoire états");
        assert_eq!(lowercase("Ω"), "Ω", "beyond Latin-1 the text is left as it is");
    }
}
