// The Gantt chart's script (gantt.html): folds workstreams, re-lays rows and arrows out, shows tooltips.
// Everything is drawn by tpm already; without this script the chart is complete, only unfoldable.
(function () {
  'use strict';
  var H = 22, GAP = 6;
  var list = document.getElementById('list');
  var chart = document.getElementById('chart');
  if (!list || !chart) return;
  var lrows = list.children;
  var grows = chart.querySelector('g.rows').children;
  var n = lrows.length;
  var span = new Int32Array(n), x1 = new Int32Array(n), x2 = new Int32Array(n);
  var folded = new Uint8Array(n), at = new Int32Array(n), pos = new Int32Array(n), shown = new Int8Array(n);
  var byId = Object.create(null);
  for (var i = 0; i < n; i++) {
    var g = grows[i];
    byId[g.getAttribute('data-id')] = i;
    span[i] = +(lrows[i].getAttribute('data-n') || 0);
    var xs = g.getAttribute('data-x');
    if (xs) {
      var p = xs.split(' ');
      x1[i] = +p[0];
      x2[i] = +p[1];
    }
    shown[i] = 1;
  }

  // Which end an arrow leaves (+1 the finish, -1 the start) and enters (+1 the start, -1 the finish), by type.
  var ENDS = { fs: [1, 1], ss: [-1, 1], ff: [1, -1], sf: [-1, -1] };
  var deps = chart.querySelectorAll('path.dep');
  var m = deps.length;
  var from = new Int32Array(m), to = new Int32Array(m), dout = new Int8Array(m), din = new Int8Array(m);
  for (var k = 0; k < m; k++) {
    var d = deps[k];
    from[k] = byId[d.getAttribute('data-from')];
    to[k] = byId[d.getAttribute('data-to')];
    var e = ENDS[d.getAttribute('data-type')] || ENDS.fs;
    dout[k] = e[0];
    din[k] = e[1];
  }

  // The twin of GanttLayout.Route in C#: the same path text for the same ends.
  function route(ax, ay, bx, by, o, n) {
    var a = ax + o * GAP, b = bx - n * GAP;
    var head = 'M' + ax + ' ' + ay + 'H', tail = 'V' + by + 'H' + bx;
    if (o !== n) return head + (o > 0 ? Math.max(a, b) : Math.min(a, b)) + tail;
    if (o > 0 ? b >= a : b <= a) return head + a + tail;
    var between = by > ay ? by - H / 2 : by + H / 2;
    return head + a + 'V' + between + 'H' + b + tail;
  }

  function layout() {
    var y = 0, end = -1, owner = -1;
    for (var i = 0; i < n; i++) {
      if (i <= end) {
        at[i] = owner;
        if (shown[i]) {
          shown[i] = 0;
          lrows[i].style.display = 'none';
          grows[i].style.display = 'none';
        }
        continue;
      }
      at[i] = i;
      pos[i] = y;
      if (!shown[i]) {
        shown[i] = 1;
        lrows[i].style.display = '';
        grows[i].style.display = '';
      }
      var tr = 'translate(0,' + y * H + ')';
      if (grows[i].getAttribute('transform') !== tr) grows[i].setAttribute('transform', tr);
      y++;
      if (folded[i] && span[i] > 0) {
        end = i + span[i];
        owner = i;
      }
    }
    chart.setAttribute('height', String(y * H));
    for (var k = 0; k < m; k++) {
      var a = at[from[k]], b = at[to[k]], el = deps[k];
      if (a === b) {
        el.classList.add('hid');
        continue;
      }
      el.classList.remove('hid');
      var path = route(dout[k] > 0 ? x2[a] : x1[a], pos[a] * H + H / 2, din[k] > 0 ? x1[b] : x2[b], pos[b] * H + H / 2, dout[k], din[k]);
      if (el.getAttribute('d') !== path) el.setAttribute('d', path);
    }
  }

  function setFolded(i, value) {
    if (span[i] === 0 && !lrows[i].classList.contains('w')) return;
    folded[i] = value ? 1 : 0;
    var button = lrows[i].querySelector('button.tg');
    if (button) button.setAttribute('aria-expanded', value ? 'false' : 'true');
  }

  function foldAll(value) {
    for (var i = 0; i < n; i++) if (lrows[i].classList.contains('w')) setFolded(i, value);
    layout();
  }

  list.addEventListener('click', function (ev) {
    var button = ev.target.closest && ev.target.closest('button.tg');
    if (!button) return;
    var i = Array.prototype.indexOf.call(lrows, button.closest('.r'));
    if (i < 0) return;
    setFolded(i, !folded[i]);
    layout();
  });
  var expand = document.getElementById('expand-all'), collapse = document.getElementById('collapse-all');
  if (expand) expand.addEventListener('click', function () { foldAll(false); });
  if (collapse) collapse.addEventListener('click', function () { foldAll(true); });

  // A link can open the chart folded: gantt.html#fold=all or #fold=data,modeling.experiments
  var hash = /^#fold=(.*)$/.exec(window.location.hash || '');
  if (hash) {
    decodeURIComponent(hash[1]).split(',').forEach(function (id) {
      if (id === 'all') {
        for (var i = 0; i < n; i++) if (lrows[i].classList.contains('w')) setFolded(i, true);
      } else if (id in byId) {
        setFolded(byId[id], true);
      }
    });
  }
  layout();
})();
