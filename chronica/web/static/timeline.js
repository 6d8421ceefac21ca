// The library timeline (vis-timeline). Item labels are DOM text nodes, never HTML strings, so a
// summary containing markup is shown as text. Filters reload the items from the JSON API.
(function () {
  "use strict";
  var DAY = 86400000, YEAR = 365.25 * DAY;
  var container = document.getElementById("timeline");
  var form = document.getElementById("filters");
  var count = document.getElementById("count");
  var items = new vis.DataSet();
  var timeline = new vis.Timeline(container, items, {
    zoomMin: DAY, zoomMax: YEAR * 1000, height: "62vh", stack: true, orientation: "top",
    tooltip: {followMouse: true}, showTooltips: false, selectable: true, xss: {disabled: false}
  });

  function label(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span;
  }

  function nextDay(iso) {
    return new Date(Date.parse(iso + "T00:00:00Z") + DAY).toISOString().slice(0, 10);
  }

  function load() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (value) { params.set(key, value); } });
    history.replaceState(null, "", "?" + params.toString());
    fetch(container.dataset.api + "?" + params.toString()).then(function (r) { return r.json(); }).then(function (events) {
      items.clear();
      items.add(events.map(function (e) {
        var ranged = e.latest && e.latest !== e.earliest;
        var item = {
          id: e.id, content: label(e.summary), start: e.earliest,
          className: ranged ? "uncertain" : "day", url: "/documents/" + e.document_id + "#s" + e.sentence_start
        };
        if (ranged) { item.end = nextDay(e.latest); item.type = "range"; } else { item.type = "box"; }
        return item;
      }));
      count.textContent = events.length + " dated events";
      if (events.length) { timeline.fit({animation: false}); }
      container.dataset.loaded = String(events.length);
    });
  }

  timeline.on("select", function (props) {
    if (props.items.length) { window.location.href = items.get(props.items[0]).url; }
  });
  form.addEventListener("change", load);
  load();
})();
