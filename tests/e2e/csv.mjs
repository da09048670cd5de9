// The CSV the `dragonbear data ID` command and the widget's download write (RFC 4180: quoted
// fields, embedded commas and quotes), read back by the end-to-end tests.

/** RFC 4180 CSV → rows of fields (the header row first). */
export function csvRows(text) {
  const rows = [];
  let row = [], field = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') q = false; else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** RFC 4180 CSV → one object per row, keyed by the header. */
export function csvRecords(text) {
  const [head, ...body] = csvRows(text);
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}
