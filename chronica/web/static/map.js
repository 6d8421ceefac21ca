// Places on a map with no tile server: a bundled world outline (Natural Earth via world-atlas)
// drawn with Leaflet, one circle per place with coordinates. Popups are built from text nodes.
(function () {
  "use strict";
  var el = document.getElementById("map");
  var map = L.map(el, {worldCopyJump: true, minZoom: 1, maxZoom: 10}).setView([30, 10], 2);
  // Rings cut at the antimeridian jump from +180 to -180; on a flat map that draws a stripe
  // across the world. Unwrapping the longitudes keeps each ring continuous.
  function unwrap(ring) {
    var shift = 0;
    return ring.map(function (point, i) {
      if (i > 0) {
        var step = point[0] - ring[i - 1][0];
        if (step > 180) { shift -= 360; } else if (step < -180) { shift += 360; }
      }
      return [point[0] + shift, point[1]];
    });
  }
  function unwrapGeometry(geometry) {
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    polygons.forEach(function (polygon) {
      polygon.forEach(function (ring, i) { polygon[i] = unwrap(ring); });
    });
  }
  fetch(el.dataset.outline).then(function (r) { return r.json(); }).then(function (world) {
    var countries = topojson.feature(world, world.objects.countries);
    countries.features.forEach(function (f) { if (f.geometry) { unwrapGeometry(f.geometry); } });
    L.geoJSON(countries, {
      style: {color: "#8aa0b8", weight: 0.6, fillColor: "#f4f1e8", fillOpacity: 1}, interactive: false
    }).addTo(map);
  });
  fetch(el.dataset.api).then(function (r) { return r.json(); }).then(function (places) {
    var located = places.filter(function (p) { return p.lat !== null && p.lon !== null; });
    located.forEach(function (p) {
      var popup = document.createElement("div");
      var link = document.createElement("a");
      link.href = "/entities/" + p.id;
      link.textContent = p.name;
      popup.appendChild(link);
      popup.appendChild(document.createTextNode(" — " + p.books + " book(s), " + p.mentions + " mentions"));
      L.circleMarker([p.lat, p.lon], {radius: Math.min(4 + Math.sqrt(p.mentions), 16), color: "#b5481f", weight: 1,
        fillOpacity: 0.6}).bindPopup(popup).addTo(map);
    });
    document.getElementById("unlocated").textContent = located.length + " of " + places.length +
      " places have coordinates; the others are listed on the Places page.";
    el.dataset.loaded = String(located.length);
  });
})();
