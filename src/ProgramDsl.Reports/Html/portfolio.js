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
})();
