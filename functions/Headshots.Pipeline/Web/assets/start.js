// The start page: choose or drop 10–15 photos, check them here, then create the shoot, upload every photo straight
// to storage with its SAS (a few at once, each resumable), and upload the order last: that upload starts the shoot.
'use strict';
(function () {
  const form = document.getElementById('start');
  if (!form) return;
  const U = window.HeadshotsUpload;
  const min = Number(form.dataset.min), max = Number(form.dataset.max), maxBytes = Number(form.dataset.maxBytes);
  const input = document.getElementById('photos');
  const drop = document.getElementById('drop');
  const list = document.getElementById('files');
  const problems = document.getElementById('problems');
  const count = document.getElementById('count');
  const progress = document.getElementById('progress');
  const submit = document.getElementById('submit');
  const emailInput = document.getElementById('email'), nameInput = document.getElementById('name');
  // A private studio's access code (Studio:AccessCode): entered once, then remembered by this browser.
  const codeInput = document.getElementById('access-code');
  const codeKey = 'headshots.accessCode';
  if (codeInput) { try { codeInput.value = localStorage.getItem(codeKey) || ''; } catch (_) { /* storage off: asked each time */ } }
  let entries = [];   // { file, li, bar, state, url, next, done }
  let shoot = null;   // the answer of POST /api/shoots, once made
  let busy = false;

  function say(el, messages) {
    el.textContent = '';
    if (!messages.length) return;
    const ul = document.createElement('ul');
    for (const m of messages) { const li = document.createElement('li'); li.textContent = m; ul.appendChild(li); }
    el.appendChild(ul);
  }

  function add(files) {
    if (shoot) return;
    const messages = [];
    for (const file of files) {
      const why = U.check(file, maxBytes);
      if (why) { messages.push(file.name + ' ' + why + '.'); continue; }
      if (entries.some(e => e.file.name === file.name && e.file.size === file.size)) continue;
      entries.push({ file });
    }
    if (entries.length > max) messages.push('At most ' + max + ' photos: remove ' + (entries.length - max) + '.');
    say(problems, messages);
    render();
  }

  function render() {
    list.textContent = '';
    entries.forEach((entry, i) => {
      const li = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = entry.file.name + ' (' + (entry.file.size / 1048576).toFixed(1) + ' MB)';
      li.appendChild(name);
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'secondary';
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', 'Remove ' + entry.file.name);
      remove.disabled = busy || !!shoot;
      remove.addEventListener('click', () => { entries.splice(i, 1); render(); (list.querySelector('button') || input).focus(); });
      li.appendChild(remove);
      const bar = document.createElement('progress');
      bar.max = 100; bar.value = entry.done ? 100 : 0;
      bar.setAttribute('aria-label', 'Upload of ' + entry.file.name);
      li.appendChild(bar);
      const state = document.createElement('span');
      state.className = 'state';
      state.textContent = entry.done ? 'Uploaded' : (entry.failed ? 'Failed: ' + entry.failed : 'Ready');
      li.appendChild(state);
      if (entry.failed) li.classList.add('failed');
      entry.li = li; entry.bar = bar; entry.state = state;
      list.appendChild(li);
    });
    const n = entries.length;
    count.textContent = n === 0 ? 'No photos chosen yet.' : n + (n === 1 ? ' photo' : ' photos') + ' chosen' +
      (n < min ? ': add at least ' + (min - n) + ' more.' : n > max ? ': remove ' + (n - max) + '.' : '.');
  }

  input.addEventListener('change', () => { add(Array.from(input.files)); input.value = ''; });
  ['dragenter', 'dragover'].forEach(t => drop.addEventListener(t, e => { e.preventDefault(); drop.classList.add('over'); }));
  ['dragleave', 'drop'].forEach(t => drop.addEventListener(t, () => drop.classList.remove('over')));
  drop.addEventListener('drop', e => { e.preventDefault(); add(Array.from(e.dataTransfer.files)); });

  function validate() {
    const messages = [];
    const email = emailInput.value.trim();
    if (codeInput && !codeInput.value) messages.push('Enter the studio\'s access code (ask the studio for it).');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) messages.push('Enter the email address your gallery link should go to.');
    if (!form.querySelectorAll('input[name=looks]:checked').length) messages.push('Choose at least one look.');
    if (entries.length < min) messages.push('Choose at least ' + min + ' photos (you have ' + entries.length + ').');
    if (entries.length > max) messages.push('Choose at most ' + max + ' photos (you have ' + entries.length + ').');
    return messages;
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (busy) return;
    const messages = shoot ? [] : validate();
    say(problems, messages);
    if (messages.length) { problems.setAttribute('tabindex', '-1'); problems.focus(); return; }
    busy = true; submit.disabled = true;
    try {
      if (!shoot) {
        const taken = new Set();
        entries.forEach(en => { en.name = U.safeName(en.file.name, taken); });
        progress.textContent = 'Creating your shoot…';
        const headers = { 'Content-Type': 'application/json' };
        if (codeInput) headers['X-Studio-Access-Code'] = codeInput.value;
        const response = await fetch('/api/shoots', {
          method: 'POST', headers,
          body: JSON.stringify({ email: emailInput.value.trim(), name: nameInput.value.trim() || null, photos: entries.map(en => en.name) }),
        });
        if (codeInput) {
          try {
            if (response.status === 401 || response.status === 403) localStorage.removeItem(codeKey);
            else if (response.ok) localStorage.setItem(codeKey, codeInput.value);
          } catch (_) { /* storage off */ }
        }
        if (!response.ok) throw new Error(await U.problemOf(response));
        shoot = await response.json();
        const urls = new Map(shoot.uploads.map(u => [u.name, u.url]));
        entries.forEach(en => { en.url = urls.get(en.name); });
        render();
      }
      const pending = entries.filter(en => !en.done);
      let uploaded = entries.length - pending.length;
      progress.textContent = 'Uploading ' + pending.length + ' photos…';
      const failures = await U.pool(pending, 3, async en => {
        en.failed = null; en.li.classList.remove('failed');
        en.state.textContent = 'Uploading…';
        en.onProgress = f => { en.bar.value = Math.round(f * 100); };
        try {
          await U.uploadFile(en);
          en.done = true; en.state.textContent = 'Uploaded';
          progress.textContent = 'Uploaded ' + (++uploaded) + ' of ' + entries.length + ' photos.';
        } catch (err) {
          en.failed = err.message; en.li.classList.add('failed'); en.state.textContent = 'Failed: ' + err.message;
          throw err;
        }
      });
      if (failures.length) {
        submit.textContent = 'Retry the failed uploads';
        throw new Error(failures.length + ' photos did not upload. Check your connection and press “Retry the failed uploads”: the others are kept.');
      }
      progress.textContent = 'All photos are uploaded; starting your shoot…';
      const looks = Array.from(form.querySelectorAll('input[name=looks]:checked')).map(c => c.value);
      await U.putJson(shoot.orderUrl, { email: emailInput.value.trim(), name: nameInput.value.trim() || undefined, looks });
      location.assign(shoot.statusPage);
    } catch (err) {
      say(problems, [err.message]);
      progress.textContent = '';
    } finally {
      busy = false; submit.disabled = false;
    }
  });
})();
