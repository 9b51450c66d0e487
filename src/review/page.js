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


  // Filters: by block status, by the rule of an open finding, by comments (served pages).
  var filterStatus = document.getElementById('filter-status');
  var filterRule = document.getElementById('filter-rule');
  var filterComments = document.getElementById('filter-comments');
  function applyFilters() {
    var status = filterStatus ? filterStatus.value : '';
    var rule = filterRule ? filterRule.value : '';
    var withComments = !!(filterComments && filterComments.checked);
    sections.forEach(function (s) {
      var ok = (!status || s.dataset.status === status) &&
        (!rule || (' ' + (s.dataset.rules || '') + ' ').indexOf(' ' + rule + ' ') >= 0) &&
        (!withComments || Number(s.dataset.comments || 0) > 0);
      s.classList.toggle('filtered-out', !ok);
    });
  }
  [filterStatus, filterRule, filterComments].forEach(function (el) {
    if (el) { el.addEventListener('change', applyFilters); }
  });

  // The side panel stays just under the sticky header, however tall the header is.
  var header = document.querySelector('header');
  var placePanel = function () {
    if (header) { document.documentElement.style.setProperty('--header', header.offsetHeight + 'px'); }
  };
  placePanel();
  window.addEventListener('resize', placePanel);

  // The glossary concepts of the block being worked on, in the side panel.
  var panel = document.querySelector('#concepts .panel');
  var shownBlock = null;
  function showConcepts(section) {
    if (!panel || shownBlock === section) { return; }
    shownBlock = section;
    panel.textContent = '';
    var b = byBlock[section.dataset.block];
    var list = (b && b.concepts) || [];
    if (list.length === 0) {
      var none = document.createElement('p');
      none.className = 'none';
      none.textContent = data.labels.concepts_none;
      panel.appendChild(none);
      return;
    }
    list.forEach(function (i) {
      var c = data.concepts[i];
      if (!c) { return; }
      var card = document.createElement('div');
      card.className = 'concept c' + (i % 10);
      var title = document.createElement('div');
      title.className = 'concept-forms';
      title.textContent = (c.source || c.id) + ' → ' + (c.target || '—');
      card.appendChild(title);
      var kind = document.createElement('div');
      kind.className = 'concept-kind';
      kind.textContent = c.kind + (c.admitted.length ? ' · ' + c.admitted.join(', ') : '');
      card.appendChild(kind);
      c.forbidden.forEach(function (f) {
        var bad = document.createElement('div');
        bad.className = 'concept-forbidden';
        bad.textContent = data.labels.forbidden + ' ' + f;
        card.appendChild(bad);
      });
      if (c.note) {
        var note = document.createElement('div');
        note.className = 'concept-note';
        note.textContent = c.note;
        card.appendChild(note);
      }
      panel.appendChild(card);
    });
  }
  sections.forEach(function (s) {
    s.addEventListener('focusin', function () { showConcepts(s); });
    s.addEventListener('click', function () { showConcepts(s); });
  });

  // Alt+ArrowDown / Alt+ArrowUp: the next / previous block (shown) with an open finding.
  function currentSection() {
    var active = document.activeElement;
    var s = active && active.closest ? active.closest('section.block') : null;
    return s || document.querySelector('section.block.current');
  }
  function goToFinding(step) {
    var shown = sections.filter(function (s) {
      return s.classList.contains('has-findings') && s.offsetParent !== null;
    });
    if (shown.length === 0) { return; }
    var here = currentSection();
    var at = here ? sections.indexOf(here) : -1;
    var next = null;
    if (step > 0) {
      next = shown.filter(function (s) { return sections.indexOf(s) > at; })[0] || shown[0];
    } else {
      var before = shown.filter(function (s) { return at < 0 || sections.indexOf(s) < at; });
      next = before[before.length - 1] || shown[shown.length - 1];
    }
    sections.forEach(function (s) { s.classList.remove('current'); });
    next.classList.add('current');
    var cell = next.querySelector('.tgt[contenteditable]');
    (cell || next).focus();
    next.scrollIntoView({ block: 'center' });
    showConcepts(next);
  }
  document.addEventListener('keydown', function (e) {
    if (!e.altKey || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) { return; }
    e.preventDefault();
    goToFinding(e.key === 'ArrowDown' ? 1 : -1);
  });

  // Served by `verso serve`: each changed block is saved into the memory on the version it
  // was drawn from; a block another reviewer saved first is marked, with their text, and
  // nothing of it is overwritten. Ctrl+Enter saves the block being edited, Ctrl+Shift+Enter
  // saves and approves it. Everything from the server is put in as text, never as markup.
  if (data.server) {
    var server = data.server;
    var post = function (url, body) {
      return fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Verso-Token': server.token },
        body: JSON.stringify(body)
      }).then(function (r) {
        return r.json().then(function (answer) { return { status: r.status, ok: r.ok, answer: answer }; });
      });
    };
    var where = function (section) {
      return { locale: server.locale, path: server.path, block: Number(section.dataset.block) };
    };
    var note = function (section, cls, text) {
      var old = section.querySelector('.server-note');
      if (old) { old.remove(); }
      var p = document.createElement('p');
      p.className = 'server-note ' + cls;
      p.textContent = text;
      section.appendChild(p);
      return p;
    };
    var when = function (seconds) {
      return new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 16);
    };
    // A small form asking for a reason; `send` gets the text.
    var askReason = function (section, question, send) {
      var old = section.querySelector('.reason');
      if (old) { old.remove(); }
      var box = document.createElement('div');
      box.className = 'reason';
      var label = document.createElement('label');
      label.textContent = question + ' ';
      var input = document.createElement('input');
      input.type = 'text';
      input.className = 'reason-text';
      input.maxLength = 4000;
      label.appendChild(input);
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'reason-send';
      button.textContent = data.labels.give_reason;
      var go = function () {
        if (!input.value.trim()) { input.focus(); return; }
        box.remove();
        send(input.value.trim());
      };
      button.addEventListener('click', go);
      input.addEventListener('keydown', function (e) {
        if (e.key === 'Enter') { e.preventDefault(); go(); }
      });
      box.appendChild(label);
      box.appendChild(button);
      section.appendChild(box);
      input.focus();
    };
    var dismissButton = function (section, li) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'dismiss';
      button.textContent = data.labels.dismiss;
      button.addEventListener('click', function () {
        askReason(section, data.labels.dismiss_reason, function (reason) {
          var body = where(section);
          body.rule = li.dataset.rule;
          body.reason = reason;
          post('/api/dismiss', body).then(function (r) {
            if (r.ok) { showFindings(section, r.answer.findings); } else {
              note(section, 'refused', data.labels.refused + ' ' + (r.answer.error || r.status));
            }
          });
        });
      });
      li.appendChild(document.createTextNode(' '));
      li.appendChild(button);
    };
    // The block's findings as the server judged them, replacing the list.
    var showFindings = function (section, findings) {
      var list = section.querySelector('ol.findings');
      if (!list) {
        list = document.createElement('ol');
        list.className = 'findings';
        section.insertBefore(list, section.querySelector('ol.changes, .block-tools, .comments'));
      }
      list.textContent = '';
      var open = findings.filter(function (f) { return !f.dismissed; });
      findings.forEach(function (f) {
        var li = document.createElement('li');
        li.className = 'finding ' + f.severity + (f.dismissed ? ' dismissed' : '');
        li.dataset.rule = f.rule;
        var rule = document.createElement('code');
        rule.className = 'rule';
        rule.textContent = f.rule;
        li.appendChild(rule);
        li.appendChild(document.createTextNode(' ' + f.message));
        if (f.dismissed) {
          var why = document.createElement('span');
          why.className = 'why';
          why.textContent = ' ' + data.labels.dismissed + ' (' + f.dismissed.author + '): ' + f.dismissed.reason;
          li.appendChild(why);
        } else {
          dismissButton(section, li);
        }
        list.appendChild(li);
      });
      section.classList.toggle('has-findings', open.length > 0);
      section.classList.toggle('has-errors', open.some(function (f) { return f.severity === 'err'; }));
      var rules = [];
      open.forEach(function (f) { if (rules.indexOf(f.rule) < 0) { rules.push(f.rule); } });
      section.dataset.rules = rules.join(' ');
    };
    var setStatus = function (section, status) {
      var b = byBlock[section.dataset.block];
      if (b) { b.status = status; }
      section.dataset.status = status || 'none';
      var badge = section.querySelector('.meta .status');
      if (badge && status) {
        badge.className = 'status s-' + status;
        badge.textContent = data.labels['status_' + status] || status;
      }
      var box = section.querySelector('.approve-box');
      if (box) { box.checked = status === 'approved'; }
    };
    // Puts a text from the server (canonical form) in the block's cells, its placeholders as
    // the chips the block already shows.
    var setTarget = function (section, canonical) {
      var cells = section.querySelectorAll('.tgt[contenteditable]');
      if (cells.length === 0) { window.location.reload(); return; }
      var chips = {};
      section.querySelectorAll('.src [data-token], .tgt [data-token]').forEach(function (c) {
        chips[c.getAttribute('data-token')] = c;
      });
      var unescape = function (t) {
        return t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      };
      var first = cells[0];
      cells.forEach(function (c) { c.textContent = ''; });
      var text = canonical || '';
      var re = /<\/?n?\d+\/?>/g;
      var last = 0;
      var m;
      while ((m = re.exec(text)) !== null) {
        if (m.index > last) { first.appendChild(document.createTextNode(unescape(text.slice(last, m.index)))); }
        var chip = chips[m[0]];
        first.appendChild(chip ? chip.cloneNode(true) : document.createTextNode(m[0]));
        last = re.lastIndex;
      }
      if (last < text.length) { first.appendChild(document.createTextNode(unescape(text.slice(last)))); }
      var b = byBlock[section.dataset.block];
      if (b) { b.target = canonical; }
      initial[section.dataset.block] = targetOf(section);
      updateCounts();
    };
    // The block as a revert or a send-back left it.
    var showBlock = function (section, answer) {
      server.versions[section.dataset.block] = answer.version;
      setTarget(section, answer.target);
      setStatus(section, answer.status);
      showFindings(section, answer.findings || []);
      note(section, 'saved', data.labels.saved);
    };
    var conflict = function (section, answer) {
      section.classList.add('conflict');
      note(section, 'conflict', data.labels.conflict + ' ' + (answer.author || '') +
        ': ' + (answer.target || answer.error || ''));
    };
    var saveBlock = function (entry, reason) {
      var section = document.getElementById('b' + entry.block);
      var body = where(section);
      body.target = entry.target;
      body.approve = entry.status === 'approved';
      body.version = server.versions[entry.block] || 0;
      body.reason = reason || '';
      return post('/api/block', body).then(function (r) {
        var answer = r.answer;
        if (r.ok) {
          server.versions[entry.block] = answer.version;
          byBlock[entry.block].target = entry.target;
          initial[entry.block] = targetOf(section);
          setStatus(section, body.approve ? 'approved' : 'reviewed');
          section.classList.remove('conflict');
          note(section, 'saved', data.labels.saved);
          showFindings(section, answer.findings || []);
          updateCounts();
        } else if (r.status === 409) {
          conflict(section, answer);
        } else if (r.status === 422 && answer.needs_reason) {
          // Approving a text that still has an error: say why, or fix it.
          showFindings(section, answer.findings || []);
          askReason(section, data.labels.approve_reason, function (why) { saveBlock(entry, why); });
        } else {
          note(section, 'refused', data.labels.refused + ' ' + (answer.error || r.status));
        }
        return r.status;
      });
    };
    var saveAll = function (only) {
      var blocks = corrections().blocks.filter(function (b) { return only === undefined || b.block === only; });
      return Promise.all(blocks.map(function (b) { return saveBlock(b); })).then(function (statuses) {
        document.getElementById('counts').textContent = data.labels.saved + ' ' +
          statuses.filter(function (s) { return s === 200; }).length + '/' + statuses.length;
        return statuses;
      });
    };
    document.getElementById('save').addEventListener('click', function () { saveAll(); });
    // An approver approves every block without an open finding at once; the page is drawn again.
    document.getElementById('approve-clean').addEventListener('click', function () {
      post('/api/approve-clean', { locale: server.locale, path: server.path }).then(function (r) {
        if (r.ok) { window.location.reload(); return; }
        document.getElementById('counts').textContent = data.labels.refused + ' ' + (r.answer.error || r.status);
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

    // The article's assignee: anyone on the desk may give it to anyone.
    var assignee = document.getElementById('assignee');
    if (assignee && server.reviewers.length) {
      var pick = document.createElement('select');
      pick.id = 'assign-to';
      server.reviewers.forEach(function (name) {
        var o = document.createElement('option');
        o.value = name;
        o.textContent = name;
        o.selected = name === server.assignee;
        pick.appendChild(o);
      });
      var give = document.createElement('button');
      give.type = 'button';
      give.id = 'assign';
      give.textContent = data.labels.assign;
      give.addEventListener('click', function () {
        post('/api/assign', { locale: server.locale, path: server.path, assignee: pick.value }).then(function (r) {
          if (r.ok) { assignee.textContent = r.answer.assignee; server.assignee = r.answer.assignee; }
        });
      });
      assignee.parentNode.appendChild(pick);
      assignee.parentNode.appendChild(give);
    }

    // Findings drawn with the page can be dismissed too.
    sections.forEach(function (section) {
      section.querySelectorAll('li.finding').forEach(function (li) {
        if (!li.classList.contains('dismissed')) { dismissButton(section, li); }
      });
    });

    sections.forEach(function (section) {
      var block = Number(section.dataset.block);
      // History (who, when, what) with a way back, and a send-back to the machine.
      var tools = document.createElement('div');
      tools.className = 'block-tools';
      var historyButton = document.createElement('button');
      historyButton.type = 'button';
      historyButton.className = 'history-show';
      historyButton.textContent = data.labels.history;
      var machineButton = document.createElement('button');
      machineButton.type = 'button';
      machineButton.className = 'send-machine';
      machineButton.textContent = data.labels.send_machine;
      var historyList = document.createElement('ol');
      historyList.className = 'history';
      historyList.hidden = true;
      tools.appendChild(historyButton);
      tools.appendChild(document.createTextNode(' '));
      tools.appendChild(machineButton);
      tools.appendChild(historyList);
      var showHistory = function () {
        var q = '?locale=' + encodeURIComponent(server.locale) + '&path=' +
          encodeURIComponent(server.path) + '&block=' + block;
        fetch('/api/history' + q, { headers: { 'X-Verso-Token': server.token } })
          .then(function (r) { return r.json(); })
          .then(function (rows) {
            historyList.textContent = '';
            historyList.hidden = false;
            if (!rows.length) {
              var none = document.createElement('li');
              none.textContent = data.labels.history_empty;
              historyList.appendChild(none);
            }
            rows.slice().reverse().forEach(function (h) {
              var li = document.createElement('li');
              li.className = 'version';
              li.dataset.version = h.version;
              var head = document.createElement('span');
              head.className = 'who';
              head.textContent = 'v' + h.version + ' · ' + h.author + ' · ' + when(h.at) + ' · ' +
                (data.labels['status_' + h.status] || h.status);
              li.appendChild(head);
              var after = document.createElement('div');
              after.className = 'after';
              after.textContent = h.status === 'machine' ? '' : h.after;
              li.appendChild(after);
              if (h.before) {
                var before = document.createElement('del');
                before.className = 'before';
                before.textContent = h.before;
                li.appendChild(before);
              }
              var back = document.createElement('button');
              back.type = 'button';
              back.className = 'revert';
              back.textContent = data.labels.revert;
              back.addEventListener('click', function () {
                var body = where(section);
                body.to = h.version;
                body.version = server.versions[block] || 0;
                post('/api/revert', body).then(function (r) {
                  if (r.ok) { showBlock(section, r.answer); showHistory(); } else if (r.status === 409) {
                    conflict(section, r.answer);
                  } else { note(section, 'refused', data.labels.refused + ' ' + (r.answer.error || r.status)); }
                });
              });
              li.appendChild(back);
              historyList.appendChild(li);
            });
          });
      };
      historyButton.addEventListener('click', function () {
        if (!historyList.hidden) { historyList.hidden = true; return; }
        showHistory();
      });
      machineButton.addEventListener('click', function () {
        var body = where(section);
        body.version = server.versions[block] || 0;
        post('/api/machine', body).then(function (r) {
          if (r.ok) { showBlock(section, r.answer); if (!historyList.hidden) { showHistory(); } } else if (r.status === 409 && r.answer.author !== undefined) {
            conflict(section, r.answer);
          } else { note(section, 'refused', data.labels.refused + ' ' + (r.answer.error || r.status)); }
        });
      });
      section.appendChild(tools);

      // Comments: each block's thread (answers under what they answer), shown as text (never
      // as markup), and a box to add one or to answer one.
      var box = document.createElement('div');
      box.className = 'comments';
      var list = document.createElement('ul');
      var count = 0;
      var replyTo = null;
      var threads = {};
      var input = document.createElement('input');
      var show = function (c) {
        var li = document.createElement('li');
        li.dataset.id = c.id;
        var text = document.createElement('span');
        text.className = 'comment-body';
        text.textContent = c.author + ' (' + when(c.at) + '): ' + c.text;
        li.appendChild(text);
        var answer = document.createElement('button');
        answer.type = 'button';
        answer.className = 'reply';
        answer.textContent = data.labels.reply;
        answer.addEventListener('click', function () {
          replyTo = c.id;
          input.placeholder = data.labels.reply + ': ' + c.author;
          input.focus();
        });
        li.appendChild(document.createTextNode(' '));
        li.appendChild(answer);
        var replies = document.createElement('ul');
        replies.className = 'replies';
        li.appendChild(replies);
        threads[c.id] = replies;
        ((c.reply_to !== null && threads[c.reply_to]) || list).appendChild(li);
        count += 1;
        section.dataset.comments = count;
      };
      (server.comments[block] || []).forEach(show);
      input.type = 'text';
      input.className = 'comment-text';
      input.maxLength = 4000;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'comment-add';
      button.textContent = data.labels.comment;
      button.addEventListener('click', function () {
        if (!input.value.trim()) { return; }
        var body = where(section);
        body.text = input.value;
        body.reply_to = replyTo;
        post('/api/comments', body).then(function (r) {
          if (r.ok) {
            show(r.answer);
            input.value = '';
            input.placeholder = '';
            replyTo = null;
          } else { note(section, 'refused', data.labels.refused + ' ' + (r.answer.error || r.status)); }
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
