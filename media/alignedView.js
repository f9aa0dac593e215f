// The page of the aligned view: draws the rows the extension sends, reports clicks, keys and
// corrections back. Text from the note is only ever set as text content, never as markup.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const head = /** @type {HTMLElement} */ (document.querySelector('thead'));
  const body = /** @type {HTMLElement} */ (document.querySelector('tbody'));
  const toolbar = /** @type {HTMLElement} */ (document.querySelector('.toolbar'));
  const help = /** @type {HTMLElement} */ (document.querySelector('.help'));
  const SIDES = ['en', 'zh'];

  /** @type {{ rows: any[], en: string, zh: string } | null} */
  let view = null;
  /** @type {Record<string, string>} */
  let labels = {};
  // The focused cell (row index, side) and the sides picked with Space or Ctrl+click.
  let focus = { row: 0, side: 'en' };
  /** @type {Array<{ row: number, side: string }>} */
  let picked = [];
  /** @type {number} */
  let followed = -1;

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'view') {
      view = message.view;
      labels = message.labels;
      picked = picked.filter((cell) => view && cell.row < view.rows.length);
      if (view && focus.row >= view.rows.length) focus = { row: 0, side: 'en' };
      draw();
    } else if (message.type === 'follow') {
      follow(message.row);
    }
  });

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined) made.textContent = text;
    return made;
  }

  function draw() {
    head.replaceChildren();
    body.replaceChildren();
    help.textContent = labels.help || '';
    drawToolbar();
    if (!view) {
      body.append(rowOf([element('td', 'empty', labels.noView)]));
      return;
    }
    const heading = element('tr');
    for (const text of [labels.english, labels.chinese, labels.confidence, labels.findings]) heading.append(element('th', '', text));
    head.append(heading);
    view.rows.forEach((row, index) => body.append(drawRow(row, index)));
    markFocus(false);
  }

  function rowOf(cells) {
    const row = element('tr');
    row.append(...cells);
    return row;
  }

  function drawRow(row, index) {
    const line = element('tr', `row level-${row.level}${row.correction ? ' corrected' : ''}${row.findings.length ? ' has-findings' : ''}`);
    line.dataset.row = String(index);
    line.setAttribute('role', 'row');
    line.setAttribute('aria-level', String(row.level === 'paragraph' ? 1 : 2));
    for (const side of SIDES) line.append(drawSide(row, index, side));
    const confidence = element('td', 'confidence', row.confidence.toFixed(2));
    if (row.correction) confidence.title = labels.corrected;
    line.append(confidence);
    const findings = element('td', 'findings');
    if (row.correction) findings.append(element('span', 'mark corrected-mark', '✎'));
    for (const finding of row.findings) {
      const mark = element('span', `mark severity-${finding.severity}`, finding.code);
      mark.title = finding.message;
      findings.append(mark);
    }
    line.append(findings);
    return line;
  }

  function drawSide(row, index, side) {
    const place = row[side];
    const cell = element('td', `side side-${side}`);
    cell.dataset.side = side;
    cell.setAttribute('role', 'gridcell');
    cell.tabIndex = -1;
    cell.lang = side === 'zh' ? 'zh' : 'en';
    if (!place) {
      cell.append(element('span', 'none', labels.none));
      return cell;
    }
    const number = place.point !== undefined ? `${place.paragraph ?? ''}(${place.point})` : place.paragraph !== undefined ? `¶${place.paragraph}` : '';
    cell.append(element('span', 'number', number), element('span', 'text', place.text));
    cell.title = `${labels[row.level]} · ${place.line}${place.endLine !== place.line ? `–${place.endLine}` : ''}`;
    cell.addEventListener('click', (event) => {
      focus = { row: index, side };
      if (event.ctrlKey || event.metaKey) togglePick();
      else vscode.postMessage({ type: 'reveal', row: index, side });
      markFocus(true);
    });
    return cell;
  }

  // ----- the toolbar of corrections -----------------------------------------------------------

  function pickedSide(side) {
    const cells = picked.filter((cell) => cell.side === side);
    return cells.length === 1 ? cells[0].row : undefined;
  }

  function pickedRows() {
    return [...new Set(picked.map((cell) => cell.row))].sort((a, b) => a - b);
  }

  /** The actions, each with what it sends or undefined when it cannot be made now. */
  function actions() {
    const current = view && view.rows[focus.row];
    const en = pickedSide('en');
    const zh = pickedSide('zh');
    const rows = pickedRows();
    const whole = current && current.en && current.zh && current.level !== 'point';
    return [
      ['pair', picked.length === 2 && en !== undefined && zh !== undefined ? { kind: 'pair', en, zh } : undefined],
      ['merge', rows.length === 2 ? { kind: 'merge', rows } : undefined],
      ['unpair', whole ? { kind: 'unpair', row: focus.row } : undefined],
      ['split', whole ? { kind: 'split', row: focus.row } : undefined],
      ['remove', current && current.correction ? { kind: 'remove', row: focus.row } : undefined],
    ];
  }

  function drawToolbar() {
    toolbar.replaceChildren();
    if (!view) return;
    for (const [name, action] of actions()) {
      const button = element('button', `action action-${name}`, labels[name]);
      button.disabled = action === undefined;
      button.addEventListener('click', () => {
        if (!action) return;
        vscode.postMessage({ type: 'correct', action });
        picked = [];
      });
      toolbar.append(button);
    }
  }

  function togglePick() {
    const at = picked.findIndex((cell) => cell.row === focus.row && cell.side === focus.side);
    if (at >= 0) picked.splice(at, 1);
    else picked.push({ ...focus });
    drawToolbar();
  }

  // ----- focus, following and keys ---------------------------------------------------------------

  function cellAt(row, side) {
    return body.querySelector(`tr[data-row="${row}"] td[data-side="${side}"]`);
  }

  function markFocus(moveFocus) {
    for (const cell of body.querySelectorAll('td.side')) {
      const tr = /** @type {HTMLElement} */ (cell.parentElement);
      const row = Number(tr.dataset.row);
      const side = /** @type {HTMLElement} */ (cell).dataset.side;
      const isFocus = row === focus.row && side === focus.side;
      /** @type {HTMLElement} */ (cell).tabIndex = isFocus ? 0 : -1;
      cell.classList.toggle('picked', picked.some((p) => p.row === row && p.side === side));
      cell.setAttribute('aria-selected', String(isFocus));
    }
    for (const tr of body.querySelectorAll('tr.row')) tr.classList.toggle('followed', Number(/** @type {HTMLElement} */ (tr).dataset.row) === followed);
    const cell = /** @type {HTMLElement | null} */ (cellAt(focus.row, focus.side));
    if (cell && moveFocus) cell.focus();
    drawToolbar();
  }

  function follow(row) {
    followed = row;
    const tr = body.querySelector(`tr[data-row="${row}"]`);
    for (const other of body.querySelectorAll('tr.followed')) other.classList.remove('followed');
    if (!tr) return;
    tr.classList.add('followed');
    tr.scrollIntoView({ block: 'nearest' });
  }

  document.addEventListener('keydown', (event) => {
    if (!view || view.rows.length === 0 || !(event.target instanceof HTMLElement) || !event.target.closest('tbody')) return;
    const last = view.rows.length - 1;
    const moves = {
      ArrowDown: () => ({ row: Math.min(last, focus.row + 1), side: focus.side }),
      ArrowUp: () => ({ row: Math.max(0, focus.row - 1), side: focus.side }),
      ArrowLeft: () => ({ row: focus.row, side: 'en' }),
      ArrowRight: () => ({ row: focus.row, side: 'zh' }),
      Home: () => ({ row: 0, side: focus.side }),
      End: () => ({ row: last, side: focus.side }),
      PageDown: () => ({ row: Math.min(last, focus.row + 10), side: focus.side }),
      PageUp: () => ({ row: Math.max(0, focus.row - 10), side: focus.side }),
    };
    if (event.key in moves) {
      focus = moves[event.key]();
      markFocus(true);
    } else if (event.key === 'Enter') {
      vscode.postMessage({ type: 'reveal', row: focus.row, side: focus.side });
    } else if (event.key === ' ') {
      togglePick();
      markFocus(true);
    } else {
      return;
    }
    event.preventDefault();
  });

  vscode.postMessage({ type: 'ready' });
})();
