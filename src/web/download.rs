//! Download CSV and Download PNG: a temporary link to a Blob URL (CSV) or the base canvas's
//! PNG data URL, clicked once. No network, no storage.

use crate::error::Result;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, Document, HtmlAnchorElement, HtmlCanvasElement, Url};

fn click_link(doc: &Document, name: &str, url: &str) -> Result<()> {
    let a: HtmlAnchorElement = doc.create_element("a")?.dyn_into().map_err(JsValue::from)?;
    a.set_href(url);
    a.set_download(name);
    a.click();
    Ok(())
}

pub fn text(doc: &Document, name: &str, mime: &str, body: &str) -> Result<()> {
    let parts = js_sys::Array::of1(&JsValue::from_str(body));
    let bag = BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &bag)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let r = click_link(doc, name, &url);
    Url::revoke_object_url(&url)?;
    r
}

pub fn canvas_png(doc: &Document, name: &str, canvas: &HtmlCanvasElement) -> Result<()> {
    let url = canvas.to_data_url()?;
    click_link(doc, name, &url)
}
