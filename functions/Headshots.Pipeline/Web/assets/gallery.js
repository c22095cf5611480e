// The gallery, enhanced: a lightbox (arrow keys to move, Escape to close, focus returns where it was) and a
// before/after comparison of an image's versions. Without this script every link still opens the full image.
'use strict';
(function () {
  // While refinements are being made (data-pending lists their status URLs), ask how each stands every few seconds
  // and reload once one has finished: the new version, or why there is none, is then on the page.
  const pending = (document.body.dataset.pending || '').split(' ').filter(Boolean);
  if (pending.length) {
    const watch = async () => {
      for (const url of pending) {
        try {
          const response = await fetch(url, { cache: 'no-store' });
          if (!response.ok) continue;
          const status = (await response.json()).status;
          if (status === 'delivered' || status === 'refused' || status === 'failed') { location.reload(); return; }
        } catch { /* a dropped connection: ask again next time */ }
      }
      setTimeout(watch, 3000);
    };
    setTimeout(watch, 3000);
  }

  const figures = Array.from(document.querySelectorAll('li[data-image] figure'));
  if (!figures.length) return;

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text != null) e.textContent = text;
    return e;
  }

  // Lightbox
  const dialog = el('dialog', { class: 'lightbox', 'aria-label': 'Image viewer' });
  const frame = el('div', { class: 'frame' });
  const top = el('div', { class: 'bar' });
  const title = el('p', { id: 'lightbox-title' });
  const close = el('button', { type: 'button' }, 'Close (Esc)');
  top.append(title, close);
  const img = el('img', { alt: '' });
  const bottom = el('div', { class: 'bar' });
  const prev = el('button', { type: 'button', 'aria-label': 'Previous image' }, '← Previous');
  const links = el('p');
  const next = el('button', { type: 'button', 'aria-label': 'Next image' }, 'Next →');
  bottom.append(prev, links, next);
  frame.append(top, img, bottom);
  dialog.append(frame);
  dialog.setAttribute('aria-labelledby', 'lightbox-title');
  document.body.append(dialog);
  let index = 0;
  let opener = null;

  function show(i) {
    index = (i + figures.length) % figures.length;
    const f = figures[index];
    const thumb = f.querySelector('img');
    const caption = f.querySelector('figcaption');
    const details = f.querySelector('p');
    // The WebP web copy where one was delivered (every current browser shows WebP), else the JPEG.
    img.src = f.dataset.webWebp || f.dataset.web;
    img.alt = thumb ? thumb.alt : '';
    title.textContent = (index + 1) + ' of ' + figures.length + (caption ? ' · ' + caption.textContent : '');
    links.textContent = '';
    if (details) links.append(document.createTextNode(details.firstChild ? details.firstChild.textContent : ''));
    links.append(document.createTextNode(' · '));
    links.append(el('a', { href: f.dataset.full, download: '' }, 'Full size (16 MP)'), document.createTextNode(' · '));
    if (f.dataset.fullWebp) links.append(el('a', { href: f.dataset.fullWebp, download: '' }, 'WebP'), document.createTextNode(' · '));
    links.append(el('a', { href: f.dataset.web, download: '' }, 'Web copy'));
  }

  figures.forEach((f, i) => {
    const a = f.querySelector('a.view');
    if (!a) return;
    a.setAttribute('aria-haspopup', 'dialog');
    a.addEventListener('click', e => {
      if (e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      opener = a;
      show(i);
      dialog.showModal();
      close.focus();
    });
  });
  prev.addEventListener('click', () => show(index - 1));
  next.addEventListener('click', () => show(index + 1));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('keydown', e => {
    if (e.key === 'ArrowRight') { e.preventDefault(); show(index + 1); }
    else if (e.key === 'ArrowLeft') { e.preventDefault(); show(index - 1); }
  });
  dialog.addEventListener('close', () => { img.removeAttribute('src'); if (opener) opener.focus(); });

  // Before/after: for every image with more than one version, a slider over the two chosen versions.
  document.querySelectorAll('li[data-image]').forEach(li => {
    const versions = Array.from(li.querySelectorAll('figure[data-version]'))
      .map(f => ({ n: Number(f.dataset.version), web: f.dataset.web }))
      .sort((a, b) => a.n - b.n);
    if (versions.length < 2) return;
    const id = li.dataset.image;
    const panel = el('div', { class: 'compare-panel' });
    const heading = el('p', {}, 'Compare versions');
    const pick = (label, value, suffix) => {
      const select = el('select', { id: id + '-compare-' + suffix });
      versions.forEach(v => select.append(el('option', { value: String(v.n) }, v.n === 1 ? 'Version 1 (original)' : 'Version ' + v.n)));
      select.value = String(value);
      return [el('label', { for: select.id }, label), select];
    };
    const [beforeLabel, before] = pick('Before', versions[versions.length - 2].n, 'before');
    const [afterLabel, after] = pick('After', versions[versions.length - 1].n, 'after');
    const box = el('div', { class: 'compare' });
    const beforeImg = el('img', { alt: 'Before', loading: 'lazy' });
    const afterImg = el('img', { class: 'after', alt: 'After', loading: 'lazy' });
    box.append(beforeImg, afterImg);
    const sliderLabel = el('label', { for: id + '-compare-slider' }, 'Slide to compare before and after');
    const slider = el('input', { type: 'range', id: id + '-compare-slider', min: '0', max: '100', value: '50' });
    function update() {
      const byNumber = n => versions.find(v => v.n === Number(n)).web;
      beforeImg.src = byNumber(before.value);
      afterImg.src = byNumber(after.value);
      afterImg.style.clipPath = 'inset(0 0 0 ' + slider.value + '%)';
      beforeImg.alt = before.selectedOptions[0].textContent + ' (before)';
      afterImg.alt = after.selectedOptions[0].textContent + ' (after)';
    }
    [before, after, slider].forEach(c => c.addEventListener('input', update));
    panel.append(heading, beforeLabel, before, afterLabel, after, box, sliderLabel, slider);
    update();
    const details = li.querySelector('details.refine');
    li.insertBefore(panel, details);
  });
})();
