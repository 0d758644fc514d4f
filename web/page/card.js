// card.js draws quote cards in the page: the quotation, its speaker and role, and the article's
// title, site and date, as a PNG at 1200×630 or 1080×1080, in the bundled Atkinson Hyperlegible,
// with no network. reader.js loads it on the first "Card" press (it is precached for offline use)
// and calls window.verbatimCard.draw.
//
// The layout is internal/quotecard's, rule for rule, so that a card drawn here and the server's
// card for social previews look alike: margins of a fifteenth of the width, type scaled with the
// width, the footer (link, site · date, title) and the speaker (name, role) stacked up from the
// bottom, and the quotation as large as fits above them (64 px down to 30 px a 1200 px card,
// larger on a square one); a quotation that does not fit at the smallest size is cut after a whole
// word with "…" and the card says so.
//
// Trust boundary: every text is article text, untrusted; it is only measured and drawn on a canvas.
(function () {
  "use strict";

  var FAMILY = '"Atkinson Hyperlegible"';
  var MAX_RUNES = 3000;
  var SHORTENED_NOTE = "Shortened to fit: the full quotation is at the link.";
  var BACKGROUND = "#fbfaf7", INK = "#1a1a1a", MUTED = "#555555", ACCENT = "#1f4e79";
  var ACCENT_BAR = 14;
  var SIZES = { landscape: [1200, 630], square: [1080, 1080] };

  function font(style, size) {
    var w = style === "bold" ? "700 " : "400 ";
    return (style === "italic" ? "italic " : "") + w + size + "px " + FAMILY;
  }

  function clip(s) {
    var r = Array.from(s || "");
    return r.length > MAX_RUNES ? r.slice(0, MAX_RUNES).join("") : s || "";
  }

  function words(s) {
    return (s || "").split(/\s+/).filter(Boolean);
  }

  // layout returns the card's lines ({text, style, size, colour, x, y (top), w, h, ascent}) and
  // whether the quotation was shortened.
  function layout(ctx, card, sizeName) {
    var W = SIZES[sizeName][0], H = SIZES[sizeName][1];
    var m = Math.floor(W / 15);
    var unit = W / 1200;
    var maxW = W - 2 * m;
    var bottom = H - m;
    var stack = [];

    function metrics(style, size) {
      ctx.font = font(style, size);
      var t = ctx.measureText("Hg");
      return { asc: Math.ceil(t.fontBoundingBoxAscent), desc: Math.ceil(t.fontBoundingBoxDescent) };
    }
    function width(style, size, s) {
      ctx.font = font(style, size);
      return ctx.measureText(s).width;
    }
    function fitLine(style, size, text) {
      text = words(text).join(" ");
      if (width(style, size, text) <= maxW) {
        return text;
      }
      var ws = words(text);
      for (var n = ws.length - 1; n > 0; n--) {
        var t = ws.slice(0, n).join(" ") + "…";
        if (width(style, size, t) <= maxW) {
          return t;
        }
      }
      var rs = Array.from(text), out = "";
      for (var i = 0; i < rs.length && width(style, size, out + rs[i] + "…") <= maxW; i++) {
        out += rs[i];
      }
      return out + "…";
    }
    function place(text, style, size, colour) {
      text = fitLine(style, size, text);
      if (!text) {
        return;
      }
      var mt = metrics(style, size);
      var lh = Math.max(Math.floor(size * 1.3), mt.asc + mt.desc);
      var base = bottom - Math.floor((lh - mt.asc - mt.desc) / 2) - mt.desc;
      stack.push({ text: text, style: style, size: size, colour: colour, x: m, y: base - mt.asc,
        w: Math.ceil(width(style, size, text)), h: mt.asc + mt.desc, ascent: mt.asc });
      bottom -= lh;
    }

    var small = 24 * unit;
    var source = [card.site, card.date].map(function (s) { return (s || "").trim(); }).filter(Boolean).join(" · ");
    place(card.link, "regular", small, ACCENT);
    place(source, "regular", small, MUTED);
    if (card.quote) {
      place(card.title, "bold", small, INK);
    }
    bottom -= Math.floor(small);
    if (card.quote && card.speaker) {
      if (card.role) {
        place(card.role, "regular", 28 * unit, MUTED);
      }
      place("— " + card.speaker, "bold", 36 * unit, INK);
      bottom -= Math.floor(small / 2);
    }

    var style = "regular", text = "“" + words(card.quote).join(" ") + "”";
    if (!card.quote) {
      style = "bold";
      text = words(card.title).join(" ");
    }
    var noteSize = 22 * unit;
    var box = bottom - m;
    var largest = H > W * 3 / 4 ? 80 * unit : 64 * unit, smallest = 30 * unit;
    var lines, size, shortened = false;
    function lineHeight(s) {
      var mt = metrics(style, s);
      return Math.max(Math.floor(s * 1.25), mt.asc + mt.desc);
    }
    function wrap(s) {
      var out = [], cur = "";
      words(text).forEach(function (w) {
        while (width(style, s, w) > maxW) {
          var rs = Array.from(w), part = rs[0], i = 1;
          while (i < rs.length && width(style, s, part + rs[i]) <= maxW) {
            part += rs[i++];
          }
          if (cur) {
            out.push(cur);
            cur = "";
          }
          out.push(part);
          w = rs.slice(i).join("");
        }
        if (!w) {
          return;
        }
        if (!cur) {
          cur = w;
        } else if (width(style, s, cur + " " + w) <= maxW) {
          cur += " " + w;
        } else {
          out.push(cur);
          cur = w;
        }
      });
      if (cur) {
        out.push(cur);
      }
      return out;
    }
    for (size = largest; ; size -= 2) {
      if (size < smallest) {
        size = smallest;
      }
      lines = wrap(size);
      var lh = lineHeight(size);
      if (lines.length * lh <= box) {
        break;
      }
      if (size === smallest) {
        var keep = Math.max(1, Math.floor((box - Math.floor(noteSize * 1.3)) / lh));
        lines = shorten(lines.slice(0, keep), size);
        shortened = true;
        break;
      }
    }
    function shorten(ls, s) {
      while (ls.length) {
        var last = words(ls[ls.length - 1]);
        while (last.length) {
          var t = last.join(" ").replace(/[,;:—–-]+$/, "") + "…”";
          if (width(style, s, t) <= maxW) {
            ls[ls.length - 1] = t;
            return ls;
          }
          last.pop();
        }
        ls.pop();
      }
      return ["“…”"];
    }
    if (shortened) {
      place(SHORTENED_NOTE, "italic", noteSize, MUTED);
    }
    var mt = metrics(style, size), lhq = lineHeight(size);
    var out = lines.map(function (t, i) {
      return { text: t, style: style, size: size, colour: INK, x: m, y: m + i * lhq,
        w: Math.ceil(width(style, size, t)), h: mt.asc + mt.desc, ascent: mt.asc };
    });
    return { width: W, height: H, margin: m, lines: out.concat(stack.reverse()), shortened: shortened };
  }

  // draw resolves to {blob, layout}: card drawn at sizeName ("landscape" or "square") as a PNG.
  function draw(card, sizeName) {
    card = {
      quote: clip(card.quote), speaker: clip(card.speaker), role: clip(card.role), title: clip(card.title),
      site: clip(card.site), date: clip(card.date), link: clip(card.link),
    };
    var loads = ["400", "700", "italic 400"].map(function (w) {
      return document.fonts.load(w + " 30px " + FAMILY, "Aa“");
    });
    return Promise.all(loads).then(function () {
      var canvas = document.createElement("canvas");
      canvas.width = SIZES[sizeName][0];
      canvas.height = SIZES[sizeName][1];
      var ctx = canvas.getContext("2d");
      var l = layout(ctx, card, sizeName);
      ctx.fillStyle = BACKGROUND;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.fillStyle = ACCENT;
      ctx.fillRect(0, 0, ACCENT_BAR, canvas.height);
      ctx.textBaseline = "alphabetic";
      l.lines.forEach(function (ln) {
        ctx.font = font(ln.style, ln.size);
        ctx.fillStyle = ln.colour;
        ctx.fillText(ln.text, ln.x, ln.y + ln.ascent);
      });
      return new Promise(function (resolve, reject) {
        canvas.toBlob(function (blob) {
          if (blob) {
            resolve({ blob: blob, layout: l });
          } else {
            reject(new Error("the browser could not make the image"));
          }
        }, "image/png");
      });
    });
  }

  window.verbatimCard = { draw: draw, sizes: SIZES, note: SHORTENED_NOTE };
})();
