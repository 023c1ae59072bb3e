// The article page: a tap or click on a mark says what it is (a phone has no hover to show the mark's title).
// The text comes from the mark's title attribute and is set as text, never as markup. No framework.
(() => {
  'use strict';
  const info = document.getElementById('mark-info');
  if (!info) return;
  document.addEventListener('click', (e) => {
    const mark = e.target.closest && e.target.closest('.article-text .a');
    if (!mark) return;
    info.textContent = mark.getAttribute('title') || '';
    info.hidden = info.textContent.length === 0;
  });
})();
