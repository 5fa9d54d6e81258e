//! Property modifiers (sprms, [MS-DOC] 2.2.5.1): the two-byte code and its operand, read from
//! a grpprl (a run of sprms in a CHPX, PAPX or piece's PRM).
//!
//! The size of the operand is in the code's top three bits (`spra`); variable operands
//! carry their own size, and two sprms have their own size rules (sprmTDefTable's is two
//! bytes, sprmPChgTabs may say 255 and describe itself). A sprm whose operand runs past the
//! grpprl ends the iteration: nothing is read out of bounds.

pub const C_F_R_MARK_DEL: u16 = 0x0800;
pub const C_F_BOLD: u16 = 0x0835;
pub const C_F_ITALIC: u16 = 0x0836;
pub const C_F_VANISH: u16 = 0x083C;
pub const C_F_SPEC: u16 = 0x0855;
pub const C_RG_FTC0: u16 = 0x4A4F;
pub const C_RG_FTC2: u16 = 0x4A51;
pub const C_FTC: u16 = 0x4A3D;

pub const P_JC80: u16 = 0x2403;
pub const P_JC: u16 = 0x2461;
pub const P_F_IN_TABLE: u16 = 0x2416;
pub const P_F_TTP: u16 = 0x2417;
pub const P_ILVL: u16 = 0x260A;
pub const P_ILFO: u16 = 0x460B;
pub const P_ITAP: u16 = 0x6649;
pub const P_DTAP: u16 = 0x664A;
pub const P_F_INNER_TABLE_CELL: u16 = 0x244B;
pub const P_F_INNER_TTP: u16 = 0x244C;
pub const P_HUGE_PAPX: u16 = 0x6646;
pub const P_CHG_TABS: u16 = 0xC615;

pub const T_DEF_TABLE: u16 = 0xD608;
pub const T_TABLE_HEADER: u16 = 0x3404;
pub const T_VERT_MERGE: u16 = 0xD62B;
pub const T_MERGE: u16 = 0x5624;
pub const T_SPLIT: u16 = 0x5625;
pub const T_TABLE_BORDERS80: u16 = 0xD605;
pub const T_TABLE_BORDERS: u16 = 0xD613;

/// Iterates over the sprms of a grpprl: `(code, operand)`.
pub struct Sprms<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Sprms<'a> {
    pub fn new(b: &'a [u8]) -> Self {
        Sprms { b, at: 0 }
    }
}

impl<'a> Iterator for Sprms<'a> {
    type Item = (u16, &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let b = self.b;
        let code = u16::from_le_bytes([*b.get(self.at)?, *b.get(self.at + 1)?]);
        let op = self.at + 2;
        let (start, len) = match code >> 13 {
            0 | 1 => (op, 1),
            2 | 4 | 5 => (op, 2),
            3 => (op, 4),
            7 => (op, 3),
            _ => match code {
                T_DEF_TABLE => {
                    let cb = u16::from_le_bytes([*b.get(op)?, *b.get(op + 1)?]) as usize;
                    (op + 2, cb.saturating_sub(1))
                }
                P_CHG_TABS if *b.get(op)? == 255 => {
                    // PChgTabsDelClose (cTabs, two arrays of cTabs) then PChgTabsAdd (cTabs,
                    // an array of cTabs two-byte positions and one of cTabs one-byte kinds).
                    let del = *b.get(op + 1)? as usize;
                    let add_at = op + 2 + del * 4;
                    let add = *b.get(add_at)? as usize;
                    (op + 1, 1 + del * 4 + 1 + add * 3)
                }
                _ => (op + 1, *b.get(op)? as usize),
            },
        };
        let end = start.checked_add(len)?;
        let operand = b.get(start..end)?;
        self.at = end;
        Some((code, operand))
    }
}

/// A toggle or one-byte operand read as on/off: 1 and 0x81 ("the opposite of the style",
/// which is off in the styles we do not read) are on.
pub fn on(op: &[u8]) -> bool {
    matches!(op.first(), Some(1 | 0x81))
}

pub fn u8_of(op: &[u8]) -> u8 {
    op.first().copied().unwrap_or(0)
}

pub fn u16_of(op: &[u8]) -> u16 {
    match op {
        [a, b, ..] => u16::from_le_bytes([*a, *b]),
        _ => 0,
    }
}

pub fn i32_of(op: &[u8]) -> i32 {
    match op {
        [a, b, c, d, ..] => i32::from_le_bytes([*a, *b, *c, *d]),
        _ => 0,
    }
}

/// Little-endian readers over a byte slice that answer `None` past its end.
pub fn le_u16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

pub fn le_u32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

pub fn le_i16(b: &[u8], at: usize) -> Option<i16> {
    le_u16(b, at).map(|v| v as i16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_by_spra_and_special_cases() {
        // bold on, jc = 1, sprmTDefTable with cb = 3 (two bytes of operand), a variable one.
        let g = [
            0x35, 0x08, 1, 0x03, 0x24, 1, 0x08, 0xD6, 3, 0, 7, 8, 0x2B, 0xD6, 2, 0, 3,
        ];
        let v: Vec<_> = Sprms::new(&g).collect();
        assert_eq!(v.len(), 4);
        assert_eq!(v[0], (C_F_BOLD, &[1u8][..]));
        assert_eq!(v[2], (T_DEF_TABLE, &[7u8, 8][..]));
        assert_eq!(v[3], (T_VERT_MERGE, &[0u8, 3][..]));
    }

    #[test]
    fn truncated_operand_stops() {
        assert_eq!(Sprms::new(&[0x49, 0x66, 1, 0]).count(), 0);
        assert_eq!(Sprms::new(&[0x08, 0xD6, 0xFF, 0xFF, 1]).count(), 0);
        assert_eq!(Sprms::new(&[0x15, 0xC6, 255, 200]).count(), 0);
        assert_eq!(Sprms::new(&[0x35]).count(), 0);
    }
}
