// The story page: selecting a claim (click, Enter or Space) highlights its sentences in every outlet, shows the
// claim's details and scrolls each outlet's text to it. Escape clears the selection. No framework.
(() => {
  'use strict';
  const panel = document.getElementById('claim-panel');
  const marks = (fact) => document.querySelectorAll('mark.claim[data-fact="' + CSS.escape(fact) + '"]');
  let current = null;

  function clear() {
    document.querySelectorAll('mark.claim.is-selected').forEach((m) => {
      m.classList.remove('is-selected');
      m.setAttribute('aria-pressed', 'false');
    });
    document.querySelectorAll('.claim-detail').forEach((d) => { d.hidden = true; });
    if (panel) panel.classList.remove('has-claim');
    current = null;
  }

  function select(fact, origin) {
    clear();
    const found = marks(fact);
    found.forEach((m) => {
      m.classList.add('is-selected');
      m.setAttribute('aria-pressed', 'true');
    });
    const detail = document.getElementById('claim-' + fact);
    if (detail) detail.hidden = false;
    if (panel) panel.classList.add('has-claim');
    current = fact;

    // bring the claim into view in every outlet's text (each column scrolls on its own on wide screens)
    found.forEach((m) => {
      const box = m.closest('.column-text');
      if (!box || (origin && box.contains(origin))) return;
      if (box.scrollHeight > box.clientHeight) {
        box.scrollTop = Math.max(0, m.offsetTop - box.clientHeight / 3);
      }
    });
    if (origin && !origin.closest('.column-text') && found.length > 0) {
      // chosen from the summary, the coverage or a list: go to the claim in the first outlet
      found[0].scrollIntoView({ block: 'center' });
    }
    if (history.replaceState) history.replaceState(null, '', '#fact-' + fact);
  }

  document.addEventListener('click', (e) => {
    if (e.target.closest('.clear-claim')) { clear(); return; }
    const el = e.target.closest('[data-fact]');
    if (!el) return;
    e.preventDefault();
    const fact = el.getAttribute('data-fact');
    if (el.matches('mark.claim') && fact === current) { clear(); return; }
    select(fact, el);
  });

  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && current) { clear(); return; }
    const el = e.target.closest && e.target.closest('mark.claim');
    if (el && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      el.click();
    }
  });

  // #fact-f3 in the address selects that claim (links from the lists use it, and it survives a reload)
  function fromHash() {
    const m = /^#fact-(f\d+)$/.exec(location.hash);
    if (m && m[1] !== current) select(m[1], null);
  }
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
