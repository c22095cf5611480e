// Uploads one file straight to blob storage with its SAS URL: in blocks (so a failed file resumes where it stopped),
// with progress, retries with back-off, and a pool so a few files go at once. Shared by the start and status pages.
'use strict';
(function () {
  const BLOCK = 2 * 1024 * 1024;
  const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'];
  const EXT = /\.(jpe?g|png|webp|hei[cf])$/i;

  function put(url, body, headers, onProgress) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('PUT', url);
      for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
      if (onProgress) xhr.upload.onprogress = e => onProgress(e.loaded);
      xhr.onload = () => (xhr.status >= 200 && xhr.status < 300) ? resolve() : reject(new Error('storage answered ' + xhr.status));
      xhr.onerror = () => reject(new Error('the connection failed'));
      xhr.send(body);
    });
  }

  async function withRetries(attempt) {
    let last;
    for (let i = 0; i < 4; i++) {
      try { return await attempt(); } catch (e) { last = e; await new Promise(r => setTimeout(r, 500 * Math.pow(2, i))); }
    }
    throw last;
  }

  function blockId(i) { return btoa('block-' + String(i).padStart(6, '0')); }

  // entry: { file, url, next (blocks done), onProgress(fraction) }. Call again after a failure: it resumes.
  async function uploadFile(entry) {
    const file = entry.file;
    const type = file.type || 'application/octet-stream';
    if (file.size <= BLOCK) {
      await withRetries(() => put(entry.url, file, { 'x-ms-blob-type': 'BlockBlob', 'Content-Type': type }, n => entry.onProgress(n / Math.max(file.size, 1))));
      entry.onProgress(1);
      return;
    }
    const count = Math.ceil(file.size / BLOCK);
    entry.next = entry.next || 0;
    for (let i = entry.next; i < count; i++) {
      const chunk = file.slice(i * BLOCK, Math.min(file.size, (i + 1) * BLOCK));
      const url = entry.url + '&comp=block&blockid=' + encodeURIComponent(blockId(i));
      await withRetries(() => put(url, chunk, {}, n => entry.onProgress((i * BLOCK + n) / file.size)));
      entry.next = i + 1;
    }
    let list = '<?xml version="1.0" encoding="utf-8"?><BlockList>';
    for (let i = 0; i < count; i++) list += '<Latest>' + blockId(i) + '</Latest>';
    list += '</BlockList>';
    await withRetries(() => put(entry.url + '&comp=blocklist', list, { 'Content-Type': 'application/xml', 'x-ms-blob-content-type': type }));
    entry.onProgress(1);
  }

  async function pool(items, size, work) {
    const failures = [];
    let index = 0;
    async function next() {
      while (index < items.length) {
        const item = items[index++];
        try { await work(item); } catch (e) { failures.push({ item, error: e }); }
      }
    }
    await Promise.all(Array.from({ length: Math.min(size, items.length) }, next));
    return failures;
  }

  function putJson(url, value) {
    return withRetries(() => put(url, JSON.stringify(value), { 'x-ms-blob-type': 'BlockBlob', 'Content-Type': 'application/json' }));
  }

  // Why a file cannot be sent, or null.
  function check(file, maxBytes) {
    if (!EXT.test(file.name) && TYPES.indexOf(file.type) < 0) return 'is not a JPEG, PNG, WebP or HEIC photo';
    if (file.size === 0) return 'is empty';
    if (file.size > maxBytes) return 'is ' + (file.size / 1048576).toFixed(1) + ' MB; the limit is ' + Math.round(maxBytes / 1048576) + ' MB';
    return null;
  }

  // A name the API accepts: letters, digits, spaces, '.', '-', '_', '(' and ')'; no leading dot; unique in `taken`.
  function safeName(name, taken) {
    let n = name.normalize('NFC').replace(/[^\p{L}\p{N} ._()-]/gu, '_').replace(/\.{2,}/g, '.').replace(/^[. ]+/, '');
    if (!n) n = 'photo.jpg';
    if (n.length > 90) { const dot = n.lastIndexOf('.'); n = n.slice(0, 80) + (dot > 0 ? n.slice(dot) : ''); }
    let candidate = n, i = 2;
    while (taken.has(candidate.toLowerCase())) { candidate = '(' + i++ + ') ' + n; }
    taken.add(candidate.toLowerCase());
    return candidate;
  }

  async function problemOf(response) {
    try { const p = await response.json(); return p.detail || p.title || ('the server answered ' + response.status); }
    catch { return 'the server answered ' + response.status; }
  }

  window.HeadshotsUpload = { uploadFile, pool, putJson, check, safeName, problemOf };
})();
