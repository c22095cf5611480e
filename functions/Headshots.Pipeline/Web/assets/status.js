// The status page, kept live from GET /api/shoots/{id}?t=… (the same data as the status API, behind the page's own token,
// which the page puts in data-status-url): stages, progress, each
// photo's verdict with its reason and tip; when the shoot stopped, replacement photos that restart it; once delivered,
// a reshoot with new photos while the order includes one.
'use strict';
(function () {
  const root = document.getElementById('shoot');
  if (!root) return;
  const U = window.HeadshotsUpload;
  const names = {
    queued: 'Waiting to start', inspect: 'Checking your photos', identity: 'Learning your likeness', generate: 'Shooting the looks',
    select: 'Selecting the best', enhance: 'Retouching', upscale: 'Rendering at 16 MP', publish: 'Building your gallery',
    notify: 'Emailing you', delivered: 'Delivered', failed: 'Stopped',
  };
  const state = document.getElementById('state');
  const bar = document.getElementById('bar');
  const stages = document.getElementById('stages');
  const outcome = document.getElementById('outcome');
  const photos = document.getElementById('photos');
  const summary = document.getElementById('photos-summary');
  const replace = document.getElementById('replace');
  let last = '';
  let restarting = false;

  function el(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }

  function stateLine(s) {
    if (s.status === 'Delivered') return 'Delivered: your ' + s.delivered + ' headshots are ready in your private gallery.';
    if (s.status === 'Failed') return 'Stopped: the shoot cannot go on.';
    if (s.status === 'AwaitingUpload') return 'Waiting for your photos and order to arrive.';
    return 'Working: ' + (names[s.stage] || s.stage) + (s.total > 0 ? ' (' + s.done + ' of ' + s.total + ')' : '') + '.';
  }

  function show(s) {
    const key = JSON.stringify([s.status, s.stage, s.done, s.total, s.photos.length, s.photos.filter(p => p.accepted).length, s.error, s.email, s.galleryUrl]);
    if (key === last) return;
    last = key;
    if (state.textContent !== stateLine(s)) state.textContent = stateLine(s);
    bar.max = Math.max(s.total, 1); bar.value = s.status === 'Delivered' ? bar.max : s.done;
    stages.textContent = '';
    const current = s.stages.indexOf(s.stage);
    s.stages.forEach((stage, i) => {
      const cls = s.status === 'Delivered' || (current >= 0 && i < current) ? 'done' : i === current ? 'current' : 'todo';
      const li = el('li', cls, names[stage] || stage);
      if (cls === 'current') li.setAttribute('aria-current', 'step');
      stages.appendChild(li);
    });
    outcome.textContent = '';
    if (s.status === 'Failed') {
      const p = el('p', 'error'); p.appendChild(el('strong', null, 'Why: ')); p.appendChild(document.createTextNode(s.error || 'the shoot stopped'));
      outcome.appendChild(p);
    }
    if (s.galleryUrl) {
      const p = el('p'); const a = el('a', null, 'Open your gallery'); a.href = s.galleryUrl; p.appendChild(a); outcome.appendChild(p);
    }
    // The email is told apart from the outcome: pending (the mail server is retried for hours), sent, or given up.
    if (s.email) { const p = el('p', 'email ' + s.email.state, s.email.message); p.id = 'email'; outcome.appendChild(p); }
    summary.textContent = s.photos.length === 0 ? 'Each photo gets a verdict here as soon as we have checked it.'
      : s.photos.filter(p => p.accepted).length + ' of ' + s.photos.length + ' photos can be used.';
    photos.textContent = '';
    for (const p of s.photos) {
      const li = el('li', p.accepted ? 'ok' : 'rejected');
      li.appendChild(el('strong', null, p.name));
      li.appendChild(document.createTextNode(' '));
      li.appendChild(el('span', 'badge ' + (p.accepted ? 'ok' : 'rejected'), p.accepted ? 'usable' : 'not usable'));
      if (!p.accepted) {
        li.appendChild(el('br')); li.appendChild(document.createTextNode(p.reason || ''));
        if (p.tip) { li.appendChild(el('br')); li.appendChild(el('span', 'hint', 'Tip: ' + p.tip)); }
      }
      photos.appendChild(li);
    }
    replace.hidden = !(s.status === 'Failed' && s.photos.length > 0) || restarting;
    document.getElementById('reshoot').hidden = !(s.status === 'Delivered' && Number(root.dataset.reshootsLeft) > 0);
  }

  async function poll() {
    try {
      const response = await fetch(root.dataset.statusUrl, { cache: 'no-store' });
      if (response.ok) {
        const s = await response.json();
        if (restarting && s.status !== 'Failed') restarting = false;
        show(s);
        if (s.status === 'Delivered' || (s.status === 'Failed' && !restarting)) { setTimeout(poll, 10000); return; }
      }
    } catch { /* a dropped connection: try again */ }
    setTimeout(poll, 1500);
  }

  // A form that sends a batch of photos: asks `url` for their SAS URLs, uploads them (three at a time), then the order.
  function photoBatch(form, pickerId, listId, problemsId, prefix, empty, done) {
    const picker = document.getElementById(pickerId);
    const chosen = document.getElementById(listId);
    const problems = document.getElementById(problemsId);
    let entries = [];
    picker.addEventListener('change', () => {
      entries = []; chosen.textContent = ''; problems.textContent = '';
      const messages = [];
      for (const file of picker.files) {
        const why = U.check(file, 40 * 1048576);
        if (why) { messages.push(file.name + ' ' + why + '.'); continue; }
        const li = el('li'); li.appendChild(el('span', null, file.name));
        const b = el('progress'); b.max = 100; b.value = 0; b.setAttribute('aria-label', 'Upload of ' + file.name); li.appendChild(b);
        chosen.appendChild(li);
        entries.push({ file, bar: b });
      }
      problems.textContent = messages.join(' ');
    });
    form.addEventListener('submit', async e => {
      e.preventDefault();
      problems.textContent = '';
      if (!entries.length) { problems.textContent = empty; return; }
      const button = form.querySelector('button'); button.disabled = true;
      try {
        const taken = new Set();
        entries.forEach(en => { en.name = U.safeName(prefix + en.file.name, taken); });
        const response = await fetch(form.dataset.url, {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ photos: entries.map(en => en.name) }),
        });
        if (!response.ok) throw new Error(await U.problemOf(response));
        const answer = await response.json();
        const urls = new Map(answer.uploads.map(u => [u.name, u.url]));
        const failures = await U.pool(entries, 3, en => {
          en.url = urls.get(en.name); en.onProgress = f => { en.bar.value = Math.round(f * 100); };
          return U.uploadFile(en);
        });
        if (failures.length) throw new Error(failures.length + ' photos did not upload; try again.');
        await U.putJson(answer.orderUrl, answer.order);
        done(answer);
      } catch (err) {
        problems.textContent = err.message;
      } finally {
        button.disabled = false;
      }
    });
  }

  replace.dataset.url = root.dataset.replaceUrl;
  photoBatch(replace, 'replacements', 'replacement-files', 'replace-problems', 'new ', 'Choose at least one replacement photo.', () => {
    restarting = true;
    replace.hidden = true;
    state.textContent = 'Starting again with your new photos…';
    last = '';
    setTimeout(poll, 1000);
  });

  // A reshoot is a shoot of its own: once its photos are up, its own status page follows it.
  const reshoot = document.getElementById('reshoot');
  reshoot.dataset.url = root.dataset.reshootUrl;
  photoBatch(reshoot, 'reshoot-photos', 'reshoot-files', 'reshoot-problems', '', 'Choose the new photos (10–15).', answer => {
    state.textContent = 'Your reshoot has started; opening its status page…';
    window.location.assign(answer.statusPage);
  });

  poll();
})();
