// The portfolio page's script (index.html): opens and closes every lane, opens lanes a link names, shows tooltips.
// Everything is drawn by tpm already, and each lane is a <details> the browser opens without this script.
(function () {
  'use strict';
  var lanes = document.querySelectorAll('details.lane');
  function setAll(open) {
    for (var i = 0; i < lanes.length; i++) lanes[i].open = open;
  }
  var expand = document.getElementById('expand-all'), collapse = document.getElementById('collapse-all');
  if (expand) expand.addEventListener('click', function () { setAll(true); });
  if (collapse) collapse.addEventListener('click', function () { setAll(false); });

  // A link can open lanes: index.html#open=all or #open=ml-platform,fraud
  var hash = /^#open=(.*)$/.exec(window.location.hash || '');
  if (hash) {
    decodeURIComponent(hash[1]).split(',').forEach(function (id) {
      for (var i = 0; i < lanes.length; i++) {
        if (id === 'all' || lanes[i].getAttribute('data-id') === id) lanes[i].open = true;
      }
    });
  }

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
