//! The output record of `kehoach parse`: one per source file, schema-versioned.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::plan::{ColumnInfo, DocumentMeta, Item, Plan};
use crate::Parsed;

/// Version of the JSON record; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// Where a record came from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Source {
    pub path: String,
    pub sha256: String,
    /// The reader used: "docx", "pdf", "html", "text".
    pub format: String,
}

/// One parsed file, as `kehoach parse --format json` prints it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Record {
    pub schema_version: u32,
    pub source: Source,
    pub document: DocumentMeta,
    /// Whether the document is a plan; a report or a letter with a table is not, though its
    /// rows are still given as items.
    #[serde(default = "crate::plan::yes")]
    pub is_plan: bool,
    pub columns: Vec<ColumnInfo>,
    pub items: Vec<Item>,
    pub warnings: Vec<String>,
    /// Present when pages were OCR'd: the engine, and per page the skew corrected, the mean
    /// word confidence, the engine's raw text and the lines the cleanup corrected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<crate::ocr::OcrInfo>,
}

impl Record {
    pub fn new(path: &str, bytes: &[u8], parsed: Parsed) -> Self {
        let Parsed { document, plan } = parsed;
        let Plan {
            document: meta,
            is_plan,
            items,
            columns,
            warnings: plan_warnings,
        } = plan;
        let mut warnings = document.warnings;
        warnings.extend(plan_warnings);
        Record {
            schema_version: SCHEMA_VERSION,
            source: Source {
                path: path.to_string(),
                sha256: sha256_hex(bytes),
                format: document.format.name().to_string(),
            },
            document: meta,
            is_plan,
            columns,
            items,
            warnings,
            ocr: document.ocr,
        }
    }

    /// The plan part of the record.
    pub fn plan(&self) -> Plan {
        Plan {
            document: self.document.clone(),
            is_plan: self.is_plan,
            items: self.items.clone(),
            columns: self.columns.clone(),
            warnings: self.warnings.clone(),
        }
    }
}

/// Lower-case hex SHA-256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}
