//! Paragraph properties (PAPX, [MS-DOC] 2.9.175) and, on a row's last paragraph, the table
//! row's properties (TAP): what the reader needs to build paragraphs and tables.
//!
//! * alignment (sprmPJc / sprmPJc80); the list a paragraph is numbered in (sprmPIlfo,
//!   sprmPIlvl);
//! * table structure: in a table (sprmPFInTable), the nesting depth (sprmPItap,
//!   sprmPDtap), a row's end (sprmPFTtp; sprmPFInnerTtp in nested tables) and a nested
//!   table's cell ends (sprmPFInnerTableCell);
//! * on a row end, the row: cell boundaries in twips and each cell's merge flags
//!   (sprmTDefTable and its TC80s: fFirstMerged/fMerged across, fVertMerge/fVertRestart
//!   down), later changes to them (sprmTMerge, sprmTSplit, sprmTVertMerge), the
//!   repeat-as-header flag (sprmTTableHeader) and the table borders (sprmTTableBorders,
//!   sprmTTableBorders80).

use crate::model::Align;

use super::sprm::{self, le_i16, le_u16, Sprms};

/// Merge state of one cell of a row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TcDef {
    /// Left and right boundaries, in twips from the row's origin.
    pub left: i16,
    pub right: i16,
    /// Continues a horizontal merge begun by a cell to its left.
    pub merged: bool,
    /// Continues a vertical merge begun by the cell above.
    pub vert_continue: bool,
    /// The cell's own four borders (in its TC80) are none, or not stated.
    pub no_borders: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Tap {
    pub cells: Vec<TcDef>,
    pub header: bool,
    /// Every table border the row states is none (`None`: it states none).
    pub borderless: Option<bool>,
}

impl Tap {
    /// The row draws no line: its table borders (where stated) and every cell's own
    /// borders are none. A layout table (the header block of names, numbers and dates)
    /// is drawn so; Word 97 kept borders in the cells, later versions in the table too.
    pub fn draws_no_border(&self) -> bool {
        self.borderless.unwrap_or(true) && self.cells.iter().all(|c| c.no_borders)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Pap {
    pub align: Align,
    pub in_table: bool,
    pub ttp: bool,
    pub itap: Option<i32>,
    pub inner_cell: bool,
    pub inner_ttp: bool,
    pub ilfo: u16,
    pub ilvl: u8,
    pub tap: Option<Box<Tap>>,
}

impl Pap {
    /// Table depth: sprmPItap where given, else 1 in a table and 0 outside.
    pub fn depth(&self) -> u32 {
        match self.itap {
            Some(d) => d.clamp(0, 1 << 20) as u32,
            None => self.in_table as u32,
        }
    }

    /// Reads a paragraph's grpprl. `data` is the Data stream, where sprmPHugePapx points
    /// when the properties (a wide row's cell definitions) do not fit in their page.
    pub fn parse(g: &[u8], data: &[u8]) -> Pap {
        let mut p = Pap::default();
        let mut tap: Option<Tap> = None;
        let huge = Sprms::new(g)
            .find(|(c, _)| *c == sprm::P_HUGE_PAPX)
            .and_then(|(_, op)| {
                let at = sprm::i32_of(op) as u32 as usize;
                let cb = le_u16(data, at)? as usize;
                data.get(at + 2..(at + 2).checked_add(cb)?)
            })
            .unwrap_or(&[]);
        for (code, op) in Sprms::new(g).chain(Sprms::new(huge)) {
            match code {
                sprm::P_JC | sprm::P_JC80 => {
                    p.align = match sprm::u8_of(op) {
                        1 => Align::Center,
                        2 => Align::End,
                        3..=9 => Align::Justify,
                        _ => Align::Start,
                    }
                }
                sprm::P_F_IN_TABLE => p.in_table = sprm::u8_of(op) != 0,
                sprm::P_F_TTP => p.ttp = sprm::u8_of(op) != 0,
                sprm::P_ITAP => p.itap = Some(sprm::i32_of(op)),
                sprm::P_DTAP => p.itap = Some(p.itap.unwrap_or(0).saturating_add(sprm::i32_of(op))),
                sprm::P_F_INNER_TABLE_CELL => p.inner_cell = sprm::u8_of(op) != 0,
                sprm::P_F_INNER_TTP => p.inner_ttp = sprm::u8_of(op) != 0,
                sprm::P_ILFO => p.ilfo = sprm::u16_of(op),
                sprm::P_ILVL => p.ilvl = sprm::u8_of(op),
                sprm::T_DEF_TABLE => tap.get_or_insert_with(Tap::default).cells = def_table(op),
                sprm::T_TABLE_HEADER => tap.get_or_insert_with(Tap::default).header = sprm::on(op),
                sprm::T_VERT_MERGE => {
                    let t = tap.get_or_insert_with(Tap::default);
                    if let [itc, flags, ..] = *op {
                        if let Some(c) = t.cells.get_mut(itc as usize) {
                            c.vert_continue = flags == 1;
                        }
                    }
                }
                sprm::T_MERGE | sprm::T_SPLIT => {
                    let t = tap.get_or_insert_with(Tap::default);
                    if let [first, lim, ..] = *op {
                        let (first, lim) = (first as usize, (lim as usize).min(t.cells.len()));
                        for i in first..lim {
                            if let Some(c) = t.cells.get_mut(i) {
                                c.merged = code == sprm::T_MERGE && i > first;
                            }
                        }
                    }
                }
                sprm::T_TABLE_BORDERS80 => {
                    let t = tap.get_or_insert_with(Tap::default);
                    t.borderless = Some(borders_none(op, 4, 1));
                }
                sprm::T_TABLE_BORDERS => {
                    let t = tap.get_or_insert_with(Tap::default);
                    t.borderless = Some(borders_none(op, 8, 5));
                }
                _ => {}
            }
        }
        p.tap = tap.map(Box::new);
        p
    }
}

/// sprmTDefTable: `itcMac`, `itcMac + 1` boundaries, then up to `itcMac` TC80s of 20 bytes.
fn def_table(op: &[u8]) -> Vec<TcDef> {
    let Some(&n) = op.first() else {
        return Vec::new();
    };
    let n = n as usize;
    let tc_at = 1 + (n + 1) * 2;
    let mut cells = Vec::with_capacity(n);
    for i in 0..n {
        let (Some(left), Some(right)) = (le_i16(op, 1 + i * 2), le_i16(op, 3 + i * 2)) else {
            break;
        };
        let tc = tc_at + i * 20;
        let grf = le_u16(op, tc).unwrap_or(0);
        cells.push(TcDef {
            left,
            right,
            merged: grf & 0x0002 != 0,
            vert_continue: grf & 0x0020 != 0 && grf & 0x0040 == 0,
            no_borders: (0..4).all(|k| matches!(op.get(tc + 4 + k * 4 + 1), Some(0 | 0xFF) | None)),
        });
    }
    cells
}

/// Six borders of `size` bytes, the border type at `kind`: all none (0) or nil (0xFF)?
fn borders_none(op: &[u8], size: usize, kind: usize) -> bool {
    (0..6).all(|i| matches!(op.get(i * size + kind), Some(0 | 0xFF) | None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_row_properties() {
        // In table, row end, a row of three cells: the second continues a horizontal merge,
        // the third a vertical one (sprmTVertMerge after the definition).
        let mut g = vec![0x16, 0x24, 1, 0x17, 0x24, 1];
        let mut op = vec![3u8];
        for x in [0i16, 1000, 2000, 3000] {
            op.extend(x.to_le_bytes());
        }
        for grf in [0u16, 2, 0] {
            op.extend(grf.to_le_bytes());
            op.extend([0u8; 18]);
        }
        g.extend([0x08, 0xD6]);
        g.extend(((op.len() + 1) as u16).to_le_bytes());
        g.extend(&op);
        g.extend([0x2B, 0xD6, 2, 2, 1]);
        let p = Pap::parse(&g, &[]);
        assert!(p.in_table && p.ttp);
        assert_eq!(p.depth(), 1);
        let t = p.tap.unwrap();
        assert_eq!(t.cells.len(), 3);
        assert!(t.cells[1].merged && !t.cells[0].merged);
        assert!(t.cells[2].vert_continue);
        assert_eq!((t.cells[2].left, t.cells[2].right), (2000, 3000));
    }

    #[test]
    fn alignment_and_depth() {
        let p = Pap::parse(&[0x61, 0x24, 1, 0x49, 0x66, 2, 0, 0, 0], &[]);
        assert_eq!(p.align, Align::Center);
        assert_eq!(p.depth(), 2);
    }
}
