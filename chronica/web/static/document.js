// The document view: clicking an event (or quotation) scrolls the source to its sentence and
// highlights it. "#s<offset>" names a sentence by its first character, "#c<offset>" any character
// inside one. Builds no markup: only classes change.
(function () {
  "use strict";
  var sentences = Array.prototype.slice.call(document.querySelectorAll(".sent[id]"));

  function sentenceAt(offset) {
    var found = null;
    for (var i = 0; i < sentences.length; i++) {
      if (parseInt(sentences[i].id.slice(1), 10) <= offset) { found = sentences[i]; } else { break; }
    }
    return found;
  }

  function show(sentence, row) {
    if (!sentence) { return; }
    document.querySelectorAll(".sent.target").forEach(function (s) { s.classList.remove("target"); });
    document.querySelectorAll(".selected").forEach(function (r) { r.classList.remove("selected"); });
    sentence.classList.add("target");
    sentence.scrollIntoView({block: "center"});
    var match = row || document.querySelector('tr.event[data-target="' + sentence.id + '"]');
    if (match) { match.classList.add("selected"); match.scrollIntoView({block: "nearest"}); }
  }

  document.querySelectorAll("[data-target]").forEach(function (el) {
    function open(event) {
      if (event.target.closest && event.target.closest("a")) { return; }
      show(document.getElementById(el.dataset.target), el);
      history.replaceState(null, "", "#" + el.dataset.target);
    }
    el.addEventListener("click", open);
    el.addEventListener("keydown", function (event) { if (event.key === "Enter") { open(event); } });
  });

  function fromHash() {
    var hash = decodeURIComponent(location.hash.slice(1));
    var m = /^([sc])(\d+)$/.exec(hash);
    if (m) { show(m[1] === "s" ? document.getElementById(hash) : sentenceAt(parseInt(m[2], 10)), null); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
