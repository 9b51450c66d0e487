(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('verso-data').textContent);
  var byBlock = {};
  data.blocks.forEach(function (b) { byBlock[b.block] = b; });
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.block'));
  var initial = {};
  var lastCell = null;
  var lastRange = null;

  function escapeText(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  // The canonical form of an edited cell: text escaped, chips as their placeholder tokens.
  function serialize(node) {
    var out = '';
    node.childNodes.forEach(function (n) {
      if (n.nodeType === 3) {
        out += escapeText(n.nodeValue);
      } else if (n.nodeType === 1) {
        var token = n.getAttribute('data-token');
        if (token !== null) {
          out += token;
        } else if (n.nodeName === 'BR') {
          out += ' ';
        } else {
          var inner = serialize(n);
          out += (n.nodeName === 'DIV' || n.nodeName === 'P') ? ' ' + inner : inner;
        }
      }
    });
    return out;
  }

  function normalize(s, keepNbsp) {
    if (!keepNbsp) { s = s.replace(/\u00a0/g, ' '); }
    return s.replace(/[ \t\r\n]+/g, ' ').trim();
  }

  function targetOf(section) {
    var original = byBlock[section.dataset.block];
    var keep = !!(original && original.target && original.target.indexOf('\u00a0') >= 0);
    var text = '';
    section.querySelectorAll('.tgt[contenteditable]').forEach(function (c) { text += serialize(c); });
    return normalize(text, keep);
  }

  function approved(section) {
    var box = section.querySelector('.approve-box');
    return !!(box && box.checked);
  }

  sections.forEach(function (s) {
    if (s.querySelector('.tgt[contenteditable]')) { initial[s.dataset.block] = targetOf(s); }
  });

  function corrections() {
    var blocks = [];
    sections.forEach(function (s) {
      var b = byBlock[s.dataset.block];
      if (!b || b.target === null || !(s.dataset.block in initial)) { return; }
      var target = targetOf(s);
      var edited = target !== initial[s.dataset.block];
      var ok = approved(s);
      if (!edited && ok === (b.status === 'approved')) { return; }
      blocks.push({
        block: b.block, line: b.line, key: b.key, source: b.source,
        target: edited ? target : b.target,
        status: ok ? 'approved' : 'reviewed', edited: edited
      });
    });
    return {
      format: data.format, version: data.version, file: data.file,
      source_lang: data.source_lang, target_lang: data.target_lang,
      saved_at: Math.floor(Date.now() / 1000), blocks: blocks
    };
  }
  window.versoCorrections = corrections;

  function updateCounts() {
    var edited = 0, ok = 0;
    sections.forEach(function (s) {
      var changed = (s.dataset.block in initial) && targetOf(s) !== initial[s.dataset.block];
      s.classList.toggle('edited', changed);
      if (changed) { edited += 1; }
      if (approved(s)) { ok += 1; }
    });
    document.getElementById('counts').textContent =
      data.labels.edited + ' ' + edited + ' · ' + data.labels.approved + ' ' + ok;
  }

  document.getElementById('only-findings').addEventListener('change', function (e) {
    document.body.classList.toggle('only-findings', e.target.checked);
  });

  document.querySelectorAll('.tgt[contenteditable]').forEach(function (cell) {
    cell.addEventListener('input', updateCounts);
    cell.addEventListener('focus', function () { lastCell = cell; });
    // A block is one paragraph: Enter would split it.
    cell.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); }
    });
    // Pasted text arrives as text, never as markup.
    cell.addEventListener('paste', function (e) {
      e.preventDefault();
      var text = (e.clipboardData || window.clipboardData).getData('text/plain');
      document.execCommand('insertText', false, text.replace(/\s+/g, ' '));
    });
  });
  document.addEventListener('selectionchange', function () {
    var sel = window.getSelection();
    if (sel.rangeCount && lastCell && lastCell.contains(sel.anchorNode)) {
      lastRange = sel.getRangeAt(0).cloneRange();
    }
  });
  document.querySelectorAll('.approve-box').forEach(function (box) {
    box.addEventListener('change', updateCounts);
  });

  // A source chip clicked puts its placeholder back where the caret was in the same block.
  document.querySelectorAll('.src .chip').forEach(function (chip) {
    chip.addEventListener('mousedown', function (e) { e.preventDefault(); });
    chip.addEventListener('click', function () {
      var section = chip.closest('section.block');
      if (!lastCell || !lastRange || lastCell.closest('section.block') !== section) { return; }
      var copy = chip.cloneNode(true);
      lastRange.deleteContents();
      lastRange.insertNode(copy);
      lastRange.setStartAfter(copy);
      lastRange.collapse(true);
      updateCounts();
    });
  });

  // Hovering a finding outlines its spans.
  document.querySelectorAll('.finding').forEach(function (item) {
    var section = item.closest('section.block');
    var marks = section.querySelectorAll('[data-f~="' + item.dataset.f + '"]');
    item.addEventListener('mouseenter', function () { marks.forEach(function (m) { m.classList.add('hl'); }); });
    item.addEventListener('mouseleave', function () { marks.forEach(function (m) { m.classList.remove('hl'); }); });
  });

  // Undoing a change verso made puts the engine's text back in the cell, as an edit.
  document.querySelectorAll('.change .undo').forEach(function (button) {
    button.addEventListener('click', function () {
      var item = button.closest('.change');
      var section = item.closest('section.block');
      var spans = section.querySelectorAll('.tgt [data-l~="' + item.dataset.l + '"]');
      if (spans.length === 0) { return; }
      spans.forEach(function (span, i) { span.textContent = i === 0 ? item.dataset.engine : ''; });
      item.classList.add('undone');
      button.disabled = true;
      updateCounts();
    });
  });

  document.getElementById('download').addEventListener('click', function () {
    var result = corrections();
    if (result.blocks.length === 0) {
      document.getElementById('counts').textContent = data.labels.nothing;
      return;
    }
    var json = JSON.stringify(result, null, 2) + '\n';
    var url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    var a = document.createElement('a');
    a.href = url;
    a.download = data.file.replace(/[\/\\]/g, '_') + '.' + data.target_lang + '.corrections.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    document.getElementById('counts').textContent = data.labels.exported + ' ' + a.download;
  });

  // Served by `verso serve`: each changed block is saved into the memory on the version it
  // was drawn from; a block another reviewer saved first is marked, with their text, and
  // nothing of it is overwritten. Ctrl+Enter saves the block being edited, Ctrl+Shift+Enter
  // saves and approves it.
  if (data.server) {
    var server = data.server;
    var note = function (section, cls, text) {
      var old = section.querySelector('.server-note');
      if (old) { old.remove(); }
      var p = document.createElement('p');
      p.className = 'server-note ' + cls;
      p.textContent = text;
      section.appendChild(p);
    };
    var saveBlock = function (entry) {
      var section = document.getElementById('b' + entry.block);
      var body = {
        locale: server.locale, path: server.path, block: entry.block, target: entry.target,
        approve: entry.status === 'approved', version: server.versions[entry.block] || 0
      };
      return fetch('/api/block', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Verso-Token': server.token },
        body: JSON.stringify(body)
      }).then(function (r) {
        return r.json().then(function (answer) {
          if (r.ok) {
            server.versions[entry.block] = answer.version;
            byBlock[entry.block].target = entry.target;
            byBlock[entry.block].status = body.approve ? 'approved' : 'reviewed';
            section.dataset.status = byBlock[entry.block].status;
            note(section, 'saved', data.labels.saved);
            // Live checks: the block's findings as they are now.
            var list = section.querySelector('ol.findings');
            if (!list) {
              list = document.createElement('ol');
              list.className = 'findings';
              section.insertBefore(list, section.querySelector('.server-note'));
            }
            list.textContent = '';
            (answer.findings || []).forEach(function (f) {
              var li = document.createElement('li');
              li.className = 'finding ' + f.severity;
              var rule = document.createElement('code');
              rule.className = 'rule';
              rule.textContent = f.rule;
              li.appendChild(rule);
              li.appendChild(document.createTextNode(' ' + f.message));
              list.appendChild(li);
            });
            var findings = answer.findings || [];
            section.classList.toggle('has-findings', findings.length > 0);
            section.classList.toggle('has-errors', findings.some(function (f) { return f.severity === 'err'; }));
          } else if (r.status === 409) {
            section.classList.add('conflict');
            note(section, 'conflict', data.labels.conflict + ' ' + (answer.author || '') +
              ': ' + (answer.target || ''));
          } else {
            note(section, 'refused', data.labels.refused + ' ' + (answer.error || r.status));
          }
          return r.status;
        });
      });
    };
    var saveAll = function (only) {
      var blocks = corrections().blocks.filter(function (b) { return only === undefined || b.block === only; });
      return Promise.all(blocks.map(saveBlock)).then(function (statuses) {
        document.getElementById('counts').textContent = data.labels.saved + ' ' +
          statuses.filter(function (s) { return s === 200; }).length + '/' + statuses.length;
        return statuses;
      });
    };
    document.getElementById('save').addEventListener('click', function () { saveAll(); });
    // An approver approves every block without a finding at once; the page is drawn again.
    document.getElementById('approve-clean').addEventListener('click', function () {
      fetch('/api/approve-clean', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Verso-Token': server.token },
        body: JSON.stringify({ locale: server.locale, path: server.path })
      }).then(function (r) {
        return r.json().then(function (answer) {
          if (r.ok) { window.location.reload(); return; }
          document.getElementById('counts').textContent = data.labels.refused + ' ' + (answer.error || r.status);
        });
      });
    });
    document.querySelectorAll('.tgt[contenteditable]').forEach(function (cell) {
      cell.addEventListener('keydown', function (e) {
        if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) { return; }
        e.preventDefault();
        var section = cell.closest('section');
        if (e.shiftKey) {
          var box = section.querySelector('.approve-box');
          if (box) { box.checked = true; }
        }
        saveAll(Number(section.dataset.block));
      });
    });
    window.versoSave = saveAll;

    // Comments: each block's thread, shown as text (never as markup), and a box to add one.
    sections.forEach(function (section) {
      var block = Number(section.dataset.block);
      var box = document.createElement('div');
      box.className = 'comments';
      var list = document.createElement('ul');
      var show = function (c) {
        var li = document.createElement('li');
        li.textContent = c.author + ': ' + c.text;
        list.appendChild(li);
      };
      (server.comments[block] || []).forEach(show);
      var input = document.createElement('input');
      input.type = 'text';
      input.className = 'comment-text';
      input.maxLength = 4000;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'comment-add';
      button.textContent = data.labels.comment;
      button.addEventListener('click', function () {
        if (!input.value.trim()) { return; }
        fetch('/api/comments', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Verso-Token': server.token },
          body: JSON.stringify({ locale: server.locale, path: server.path, block: block, text: input.value })
        }).then(function (r) {
          return r.json().then(function (answer) {
            if (r.ok) { show(answer); input.value = ''; } else { note(section, 'refused', data.labels.refused + ' ' + (answer.error || r.status)); }
          });
        });
      });
      box.appendChild(list);
      box.appendChild(input);
      box.appendChild(button);
      section.appendChild(box);
    });
  }

  updateCounts();
}());
