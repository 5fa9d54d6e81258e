//! Plan extraction: from the document model to a [`Plan`] — metadata and work items.
//!
//! * [`table`] finds the work-item table(s) by what their header says, maps columns to roles
//!   ([`columns`]), stitches a table split over pages or sections into one list, drops
//!   repeated header rows and merges rows cut in two by a page break;
//! * [`stt`] reads item numbers ("1.", "2.1.3", "II"), levels and parents;
//! * [`agency`] splits responsible-agency cells into one entry per agency;
//! * [`deadline`] reads deadline phrases into a typed [`Deadline`];
//! * [`meta`] reads the header block, title, legal bases, recipients and signer.

pub mod agency;
pub mod citation;
pub mod columns;
pub mod deadline;
pub mod meta;
pub mod stt;
pub mod table;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::Document;

pub use columns::Role;
pub use deadline::{Deadline, DeadlineKind};
pub use meta::{DocNumber, DocumentMeta, LegalRef, PartialDate, Signer};

/// A plan: the document's metadata and its work items in order.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Plan {
    pub document: DocumentMeta,
    /// Whether the document is a plan (see [`meta::is_plan`]): a report or a letter with a
    /// table still gives its rows as items, marked by this.
    #[serde(default = "yes")]
    pub is_plan: bool,
    pub items: Vec<Item>,
    /// The columns of the work-item table, in grid order, with the role each was given.
    pub columns: Vec<ColumnInfo>,
    pub warnings: Vec<String>,
}

/// One column of the work-item table.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ColumnInfo {
    /// Grid column index (0-based).
    pub index: usize,
    /// Header text as written.
    pub header: String,
    pub role: Role,
}

/// A group heading or a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    Group,
    Task,
}

/// One row of the work-item table (or several, when a page break cut it in two).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Item {
    /// The number as written (or as auto-numbering rendered it): "1.", "2.1.3", "II".
    pub stt: String,
    /// Depth of the number: "1." → 1, "2.1" → 2, "2.1.3" → 3; a Roman section number → 1
    /// with the Arabic numbers under it one deeper.
    pub level: u32,
    /// The STT of the enclosing group, if any.
    pub parent: Option<String>,
    pub kind: ItemKind,
    pub content: String,
    /// Lead (chủ trì) agencies, one entry per agency.
    pub lead: Vec<String>,
    /// Supporting (phối hợp / theo dõi) agencies, one entry per agency.
    pub support: Vec<String>,
    /// What each lead entry is (`body`, `collective` "Các sở, ban, ngành", `reference` "Theo
    /// phân công tại Quyết định số …", `other`), in the order of `lead`; left out when every
    /// entry is a named body.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lead_kinds: Vec<agency::AgencyKind>,
    /// The same for `support`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub support_kinds: Vec<agency::AgencyKind>,
    pub deadline: Deadline,
    /// Other columns (sản phẩm, ghi chú, theo dõi đôn đốc …) by header text.
    pub extra: BTreeMap<String, String>,
    pub location: Location,
}

/// Where an item is in the source.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Location {
    /// Index of the table among the document's top-level tables (0-based).
    pub table: usize,
    /// Row index within that table (0-based, header rows counted).
    pub row: usize,
    /// Rows the item spans (more than 1 when a row cut by a page break was merged).
    pub rows: usize,
    /// Page, where the reader knows it (PDF).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub page: Option<u32>,
    /// The section of the plan the item is in: 0, then one more for every table with a
    /// header of its own whose numbers start again from 1 (one table per part or appendix).
    /// Item numbers are unique within a section, not across sections.
    #[serde(skip_serializing_if = "is_zero", default)]
    pub section: usize,
    /// The row's number and content are cells merged down from the item above: one more
    /// assignment of the same task (one row per responsible party), sharing its number.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub shares_task: bool,
}

pub(crate) fn yes() -> bool {
    true
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Item {
    /// The grid column of a role in this item's table, looked up in the plan's columns.
    pub fn column_of(plan: &Plan, role: Role) -> Option<usize> {
        plan.columns
            .iter()
            .find(|c| c.role == role)
            .map(|c| c.index)
    }
}

/// Extracts the plan from a document. Never fails: a document without a work-item table
/// gives a plan without items and a warning.
pub fn extract(doc: &Document) -> Plan {
    let (document, meta_warnings) = meta::extract(doc);
    let found = table::extract_items(doc);
    // A document whose header names no type (a bare appendix table, a header that could not
    // be read) is a plan when its task table says who leads and by when: that table is what
    // a plan carries. A document of a stated type is judged by its type alone.
    let untyped = document.type_code.is_none() && document.doc_type.is_none();
    let task_table = [Role::Lead, Role::Deadline]
        .iter()
        .all(|r| found.columns.iter().any(|c| c.role == *r))
        && found.items.iter().any(|i| i.kind == ItemKind::Task);
    let by_table = untyped && task_table && !meta::is_plan(&document);
    let is_plan = meta::is_plan(&document) || by_table;
    let mut plan = Plan {
        document,
        is_plan,
        items: found.items,
        columns: found.columns,
        warnings: meta_warnings,
    };
    plan.warnings.extend(found.warnings);
    if by_table {
        plan.warnings.push(
            "không đọc được loại văn bản ở phần đầu; coi là kế hoạch vì có bảng nhiệm vụ (cột chủ trì và thời hạn)".into(),
        );
    }
    if !is_plan {
        let ty = plan.document.doc_type.as_deref().unwrap_or("không rõ loại");
        plan.warnings.push(format!(
            "văn bản không phải kế hoạch ({ty}): các dòng của bảng vẫn được trả về nhưng không phải nhiệm vụ của một kế hoạch"
        ));
    }
    if plan.items.is_empty() {
        plan.warnings.push(
            "no work-item table found (a table whose header names STT and nội dung / nhiệm vụ)"
                .into(),
        );
    }
    plan
}
