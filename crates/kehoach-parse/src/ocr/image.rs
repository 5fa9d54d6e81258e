//! A page's picture as 8-bit grey: the scanner's own image when the page is one image, else
//! the page rasterised by `pdftoppm`.
//!
//! A scanner writes each page as one image XObject drawn over the whole page, so that image
//! at its native resolution is the best input OCR can get (rasterising would resample it).
//! Decoded here: DCT (JPEG) with `zune-jpeg`, and Flate or unfiltered samples of 1 or 8 bits
//! in DeviceGray, DeviceRGB or a 1/3-component ICC space. Anything else (CCITT fax, JBIG2,
//! JPEG 2000, indexed colour, a page of several images or with drawings) is rasterised by
//! `pdftoppm` (poppler-utils), which reads them all.
//!
//! `zune-jpeg` rather than `jpeg-decoder`: it is the decoder the `image` crate moved to, is
//! fuzzed continuously, still maintained (jpeg-decoder is in maintenance mode), and can be
//! told the largest dimensions it may allocate for, so a hostile header cannot ask for
//! gigabytes; it also converts to grey itself.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lopdf::{Dictionary, Document as PdfDoc, Object, Stream};
use zune_jpeg::zune_core::bytestream::ZCursor;
use zune_jpeg::zune_core::colorspace::ColorSpace;
use zune_jpeg::zune_core::options::DecoderOptions;
use zune_jpeg::JpegDecoder;

use crate::pdf::objects::{as_dict, deref, dict_get, stream_bytes};

/// The most pixels a page image may have (a 600 dpi A3 sheet is 70 million); larger images
/// are rasterised instead, at the OCR resolution.
pub const MAX_PIXELS: usize = 80_000_000;

/// An 8-bit grey image, rows top to bottom, 0 black and 255 white.
#[derive(Debug, Clone)]
pub struct Gray {
    pub w: usize,
    pub h: usize,
    pub px: Vec<u8>,
}

impl Gray {
    pub fn new(w: usize, h: usize, fill: u8) -> Gray {
        Gray {
            w,
            h,
            px: vec![fill; w * h],
        }
    }
    #[inline]
    pub fn get(&self, x: usize, y: usize) -> u8 {
        self.px[y * self.w + x]
    }
    /// The image as binary PGM (P5), which Tesseract (Leptonica) reads from stdin.
    pub fn pgm(&self) -> Vec<u8> {
        let mut out = format!("P5\n{} {}\n255\n", self.w, self.h).into_bytes();
        out.extend_from_slice(&self.px);
        out
    }
    /// Reads a binary PGM (P5, 8-bit), as `pdftoppm -gray` writes it.
    pub fn from_pgm(b: &[u8]) -> Option<Gray> {
        let mut fields = Vec::new();
        let mut i = 0;
        while fields.len() < 4 {
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if b.get(i) == Some(&b'#') {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            let s = i;
            while i < b.len() && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            if s == i {
                return None;
            }
            fields.push(std::str::from_utf8(&b[s..i]).ok()?);
        }
        i += 1;
        if fields[0] != "P5" || fields[3] != "255" {
            return None;
        }
        let w: usize = fields[1].parse().ok()?;
        let h: usize = fields[2].parse().ok()?;
        let n = w.checked_mul(h)?;
        let data = b.get(i..i.checked_add(n)?)?;
        Some(Gray {
            w,
            h,
            px: data.to_vec(),
        })
    }
}

/// The one image a scanned page is, decoded; `None` when the page is not one image covering
/// it, or the image is in a form decoded only by rasterising.
pub fn page_image(pdf: &PdfDoc, resources: Option<&Dictionary>, max_stream: usize) -> Option<Gray> {
    let xobjects = dict_get(pdf, resources?, b"XObject").and_then(as_dict)?;
    let mut images = xobjects.iter().filter_map(|(_, o)| match deref(pdf, o) {
        Some(Object::Stream(s))
            if matches!(s.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Image") =>
        {
            Some(s)
        }
        _ => None,
    });
    let img = images.next()?;
    if images.next().is_some() {
        return None;
    }
    decode(pdf, img, max_stream)
}

fn int(pdf: &PdfDoc, d: &Dictionary, key: &[u8]) -> Option<i64> {
    dict_get(pdf, d, key).and_then(|o| o.as_i64().ok())
}

/// Decodes an image XObject to grey (see the module comment for the forms read).
pub fn decode(pdf: &PdfDoc, s: &Stream, max_stream: usize) -> Option<Gray> {
    let d = &s.dict;
    if matches!(d.get(b"ImageMask"), Ok(Object::Boolean(true))) {
        return None;
    }
    let w = usize::try_from(int(pdf, d, b"Width")?).ok()?;
    let h = usize::try_from(int(pdf, d, b"Height")?).ok()?;
    if w == 0 || h == 0 || w.checked_mul(h)? > MAX_PIXELS {
        return None;
    }
    let filters: Vec<Vec<u8>> = match dict_get(pdf, d, b"Filter") {
        Some(Object::Name(n)) => vec![n.clone()],
        Some(Object::Array(a)) => a
            .iter()
            .filter_map(|o| o.as_name().ok().map(<[u8]>::to_vec))
            .collect(),
        _ => Vec::new(),
    };
    let inverted = dict_get(pdf, d, b"Decode")
        .and_then(|o| o.as_array().ok())
        .and_then(|a| a.first())
        .and_then(|o| o.as_float().ok())
        .is_some_and(|v| v > 0.5);
    let mut g = match filters.as_slice() {
        [f] if f == b"DCTDecode" => jpeg(&s.content, w, h)?,
        [] | [_] if filters.iter().all(|f| f == b"FlateDecode") => {
            let comps = components(pdf, d)?;
            let bpc = int(pdf, d, b"BitsPerComponent").unwrap_or(8);
            let data = stream_bytes(s, max_stream)?;
            raw(&data, w, h, comps, bpc)?
        }
        _ => return None,
    };
    if inverted {
        g.px.iter_mut().for_each(|p| *p = 255 - *p);
    }
    Some(g)
}

/// Colour components of an image's colour space: 1 or 3 (CMYK, Lab and indexed colour are
/// left to the rasteriser).
fn components(pdf: &PdfDoc, d: &Dictionary) -> Option<usize> {
    match dict_get(pdf, d, b"ColorSpace") {
        Some(Object::Name(n)) if n == b"DeviceGray" || n == b"CalGray" => Some(1),
        Some(Object::Name(n)) if n == b"DeviceRGB" || n == b"CalRGB" => Some(3),
        Some(Object::Array(a)) => {
            let kind = a.first()?.as_name().ok()?;
            if kind == b"ICCBased" {
                let icc = deref(pdf, a.get(1)?)?.as_stream().ok()?;
                match int(pdf, &icc.dict, b"N") {
                    Some(1) => Some(1),
                    Some(3) => Some(3),
                    _ => None,
                }
            } else if kind == b"CalGray" {
                Some(1)
            } else if kind == b"CalRGB" {
                Some(3)
            } else {
                None
            }
        }
        _ => None,
    }
}

fn jpeg(data: &[u8], w: usize, h: usize) -> Option<Gray> {
    let opts = DecoderOptions::default()
        .jpeg_set_out_colorspace(ColorSpace::Luma)
        .set_max_width(w.max(1))
        .set_max_height(h.max(1));
    let mut dec = JpegDecoder::new_with_options(ZCursor::new(data), opts);
    let px = dec.decode().ok()?;
    let info = dec.info()?;
    let (iw, ih) = (info.width as usize, info.height as usize);
    (px.len() == iw * ih).then_some(Gray { w: iw, h: ih, px })
}

/// Unfiltered samples: 8-bit grey or RGB, or 1-bit grey (rows padded to a byte).
fn raw(data: &[u8], w: usize, h: usize, comps: usize, bpc: i64) -> Option<Gray> {
    let mut px = Vec::with_capacity(w * h);
    match (comps, bpc) {
        (1, 8) => px.extend_from_slice(data.get(..w * h)?),
        (3, 8) => {
            let d = data.get(..w * h * 3)?;
            px.extend(d.chunks_exact(3).map(|c| {
                ((c[0] as u32 * 299 + c[1] as u32 * 587 + c[2] as u32 * 114) / 1000) as u8
            }));
        }
        (1, 1) => {
            let stride = w.div_ceil(8);
            let d = data.get(..stride * h)?;
            for row in d.chunks_exact(stride) {
                px.extend((0..w).map(|x| {
                    if row[x / 8] >> (7 - x % 8) & 1 == 1 {
                        255
                    } else {
                        0
                    }
                }));
            }
        }
        _ => return None,
    }
    Some(Gray { w, h, px })
}

/// The resolution a `w` × `h` point page is rasterised at: 200 dpi (the OCR engine reads
/// body text well from 150 dpi up), less for a page so large that 200 dpi would pass
/// [`MAX_PIXELS`] (a hostile MediaBox of 14,400 pt squared would be 1.6 gigapixels), 1 at
/// least (and 1 for a size that is not a number).
pub fn raster_dpi(w: f32, h: f32) -> u32 {
    let inches = (w.abs() / 72.0) * (h.abs() / 72.0);
    if !(inches.is_finite() && inches > 0.0) {
        return 1;
    }
    let most = (MAX_PIXELS as f32 / inches).sqrt();
    most.clamp(1.0, 200.0) as u32
}

/// Page `n` (1-based) rasterised in grey at `dpi` by `pdftoppm`, killed after `timeout`.
pub fn rasterise(pdf_bytes: &[u8], n: u32, dpi: u32, timeout: Duration) -> Result<Gray, String> {
    let mut child = Command::new("pdftoppm")
        .args([
            "-f",
            &n.to_string(),
            "-l",
            &n.to_string(),
            "-r",
            &dpi.to_string(),
            "-gray",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("pdftoppm could not be run ({e}); install poppler-utils"))?;
    let out = super::tesseract::feed_and_wait(&mut child, pdf_bytes, Instant::now() + timeout)
        .map_err(|e| format!("pdftoppm: {e}"))?;
    Gray::from_pgm(&out).ok_or_else(|| "pdftoppm gave no image".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raster_resolution_is_bounded() {
        assert_eq!(raster_dpi(595.0, 842.0), 200);
        let d = raster_dpi(14_400.0, 14_400.0);
        let px = (14_400.0 / 72.0 * d as f32).powi(2);
        assert!(px <= MAX_PIXELS as f32, "{d}");
        assert_eq!(raster_dpi(f32::NAN, 1.0), 1);
        assert_eq!(raster_dpi(1e30, 1e30), 1);
    }

    #[test]
    fn pgm_round_trip() {
        let mut g = Gray::new(3, 2, 255);
        g.px[4] = 7;
        let back = Gray::from_pgm(&g.pgm()).unwrap();
        assert_eq!((back.w, back.h, back.px), (3, 2, g.px));
        assert!(Gray::from_pgm(b"P5\n99999 99999\n255\n").is_none());
        assert!(Gray::from_pgm(b"P6 1 1 255 abc").is_none());
    }

    #[test]
    fn one_bit_rows_are_padded_to_a_byte() {
        // 10 pixels wide: two bytes a row; first pixel black, rest white.
        let g = raw(&[0x7F, 0xFF, 0x00, 0x00], 10, 2, 1, 1).unwrap();
        assert_eq!(g.px[0], 0);
        assert!(g.px[1..10].iter().all(|&p| p == 255));
        assert!(g.px[10..20].iter().all(|&p| p == 0));
        assert!(raw(&[0], 10, 2, 1, 1).is_none());
    }
}
