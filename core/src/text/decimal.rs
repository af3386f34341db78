//! Numbers written for readers without `f64`'s `Display`. Formatting a
//! float through `{}` or `{:.1}` links the standard library's float
//! printing (Grisu with a Dragon fallback, both modes, and their tables:
//! about 14 KB of the wasm) for a handful of messages and entity names.
//! The shortest digits come from `zmij`, which serde_json already links for
//! JSON, and are laid out here as `Display` lays them out.

/// `x` (finite, not negative, below 10^12: sizes) with one decimal, as `format!("{x:.1}")`
/// writes it: `0.0`, `12.3`, ties to even (`70.25` is `70.2`).
pub fn one_decimal(x: f64) -> String {
    // x * 10 = x * 8 + x * 2, both exact; their rounded sum and its exact
    // error (Fast2Sum) tell on which side of a half the true product lies.
    let (big, small) = (x * 8.0, x * 2.0);
    let tenths = big + small;
    let error = small - (tenths - big);
    let mut rounded = tenths.round();
    if (rounded - tenths).abs() == 0.5 {
        let up = rounded > tenths;
        rounded = if error > 0.0 {
            tenths + 0.5
        } else if error < 0.0 {
            tenths - 0.5
        } else if rounded % 2.0 != 0.0 {
            // An exact tie: to even.
            if up {
                rounded - 1.0
            } else {
                rounded + 1.0
            }
        } else {
            rounded
        };
    }
    let rounded = rounded as u64;
    format!("{}.{}", rounded / 10, rounded % 10)
}

/// `x` (finite) in plain decimal with the fewest digits that read back as
/// `x`, as `format!("{x}")` writes it: `2.5`, `-0.125`, `3`, `1e21` as
/// `1000000000000000000000`, never an exponent. One difference: a value
/// exactly halfway between its two shortest decimals (16 or 17 digits) gets
/// the even last digit where `Display` takes the one above
/// (`13.518692016601562` against `…563`); a number written in a text has
/// fewer digits than that.
pub fn shortest(x: f64) -> String {
    let mut buffer = zmij::Buffer::new();
    let written = buffer.format_finite(x);
    let (sign, written) = match written.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", written),
    };
    let (mantissa, exponent) = match written.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().unwrap_or(0)),
        None => (written, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = whole.chars().chain(fraction.chars()).collect();
    // Where the decimal point falls among `digits`.
    let point = whole.len() as i32 + exponent;
    let mut out = String::from(sign);
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.push_str(&digits);
    } else if point as usize >= digits.len() {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', point as usize - digits.len()));
    } else {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    }
    // "2.50" or "3.0" never reach a reader: trailing zeros after the point go.
    if out.contains('.') {
        while out.ends_with('0') {
            out.pop();
        }
        if out.ends_with('.') {
            out.pop();
        }
    }
    // Leading zeros of the whole part ("03") are not written either.
    let body = &out[sign.len()..];
    let trimmed = body.trim_start_matches('0');
    if trimmed.is_empty() || trimmed.starts_with('.') {
        format!("{sign}0{trimmed}")
    } else {
        format!("{sign}{trimmed}")
    }
}

#[cfg(test)]
mod tests {
    use super::{one_decimal, shortest};

    /// A simple generator, so the comparison covers many magnitudes.
    fn values() -> Vec<f64> {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut out = vec![
            0.0,
            0.5,
            1.0,
            2.5,
            0.1,
            0.2,
            0.3,
            1.5,
            3.0,
            10.0,
            12.75,
            70.25,
            99.95,
            1e15,
            9e15,
            1e16,
            1e21,
            1e22,
            123456789.125,
            0.000001,
            1e-7,
            5e-324,
            1.7976931348623157e308,
        ];
        for _ in 0..20_000 {
            let bits = next();
            let x = f64::from_bits(bits);
            if x.is_finite() {
                out.push(x);
            }
            // Numbers of the sizes texts and files have.
            out.push((next() % 100_000_000) as f64 / 100.0);
            out.push((next() % 70_000_000) as f64 / 1_048_576.0);
        }
        out
    }

    /// Significant digits of a plain decimal.
    fn significant(written: &str) -> usize {
        let digits: String = written.chars().filter(char::is_ascii_digit).collect();
        digits.trim_start_matches('0').len()
    }

    #[test]
    fn shortest_writes_what_display_writes() {
        let mut ties = 0;
        for x in values().into_iter().flat_map(|x| [x, -x]) {
            let (ours, display) = (shortest(x), format!("{x}"));
            if ours == display {
                continue;
            }
            // The one known difference: a value exactly halfway between two
            // shortest decimals (16 or 17 digits). zmij takes the even last
            // digit, Display the one above ("…562" and "…563"); texts do not
            // write numbers of that many digits.
            let (head, last) = ours.split_at(ours.len() - 1);
            let above = (last.as_bytes()[0] + 1) as char;
            assert!(
                significant(&ours) >= 16
                    && last.as_bytes()[0] % 2 == 0
                    && display == format!("{head}{above}"),
                "{x:e}: {ours} against Display's {display}"
            );
            ties += 1;
        }
        assert!(ties < 1000, "{ties} ties");
        // Decimals as texts write them are always the same.
        for written in [
            "2.5",
            "0.75",
            "3.14159",
            "1234.5678",
            "0.001",
            "99.99",
            "7.5",
        ] {
            let x: f64 = written.parse().unwrap();
            assert_eq!(shortest(x), written);
            assert_eq!(shortest(x * 1e3), format!("{}", x * 1e3));
        }
    }

    #[test]
    fn one_decimal_writes_what_display_writes() {
        for x in values().into_iter().filter(|x| x.abs() < 1e12) {
            let x = x.abs();
            assert_eq!(one_decimal(x), format!("{x:.1}"), "{x:e}");
        }
        assert_eq!(one_decimal(70.25), "70.2");
        assert_eq!(one_decimal(70.75), "70.8");
        assert_eq!(one_decimal(0.0), "0.0");
    }
}
