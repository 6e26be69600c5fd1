// The tooltips of the Gantt chart and the portfolio page, appended to each page's own script: the script that runs
// last, so data-ready says the whole script has run.
(function () {
  'use strict';
  // Tooltips: the text of each shape's <title>, shown at once and styled; the <title> is moved into data-tip on first
  // hover so the browser's own tooltip does not show as well.
  var tip = document.getElementById('tip');
  function tipOf(target) {
    if (!target || !target.closest) return null;
    var first = target.firstElementChild;
    if (first && first.tagName === 'title') {
      target.setAttribute('data-tip', first.textContent);
      target.removeChild(first);
    }
    return target.closest('[data-tip]');
  }
  function place(ev) {
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = ev.clientX + 14, top = ev.clientY + 16;
    if (left + w > window.innerWidth - 4) left = Math.max(4, ev.clientX - w - 10);
    if (top + h > window.innerHeight - 4) top = Math.max(4, ev.clientY - h - 10);
    tip.style.left = left + 'px';
    tip.style.top = top + 'px';
  }
  if (tip) {
    document.addEventListener('mouseover', function (ev) {
      var el = tipOf(ev.target);
      if (!el) {
        tip.style.display = 'none';
        return;
      }
      tip.textContent = el.getAttribute('data-tip');
      tip.style.display = 'block';
      place(ev);
    });
    document.addEventListener('mousemove', function (ev) {
      if (tip.style.display === 'block') place(ev);
    });
    document.addEventListener('mouseleave', function () { tip.style.display = 'none'; });
  }

  document.documentElement.setAttribute('data-ready', String(Math.round(performance.now())));
})();
