// The report form's proof of work: find a number n such that SHA-256("challenge:n") starts
// with the challenge's number of zero bits (the last byte of its payload). Plain JavaScript
// SHA-256, because WebCrypto is missing on plain-HTTP pages and too slow per call. The form
// works without this script; the server then only applies a stricter rate limit.
(function () {
  "use strict";
  var K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);
  var W = new Uint32Array(64);
  function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }
  // SHA-256 of ASCII text; returns the first word of the digest (enough to count zero bits up
  // to 32) and the second for difficulties above 32.
  function sha256(text) {
    var len = text.length, nblocks = ((len + 9 + 63) >> 6), bytes = new Uint8Array(nblocks * 64);
    for (var i = 0; i < len; i++) bytes[i] = text.charCodeAt(i) & 0xff;
    bytes[len] = 0x80;
    var bits = len * 8, end = bytes.length;
    bytes[end - 4] = (bits >>> 24) & 0xff; bytes[end - 3] = (bits >>> 16) & 0xff;
    bytes[end - 2] = (bits >>> 8) & 0xff; bytes[end - 1] = bits & 0xff;
    var h0 = 0x6a09e667, h1 = 0xbb67ae85, h2 = 0x3c6ef372, h3 = 0xa54ff53a,
        h4 = 0x510e527f, h5 = 0x9b05688c, h6 = 0x1f83d9ab, h7 = 0x5be0cd19;
    for (var b = 0; b < nblocks; b++) {
      var o = b * 64;
      for (var t = 0; t < 16; t++) {
        W[t] = (bytes[o + 4 * t] << 24) | (bytes[o + 4 * t + 1] << 16) | (bytes[o + 4 * t + 2] << 8) | bytes[o + 4 * t + 3];
      }
      for (t = 16; t < 64; t++) {
        var s0 = rotr(W[t - 15], 7) ^ rotr(W[t - 15], 18) ^ (W[t - 15] >>> 3);
        var s1 = rotr(W[t - 2], 17) ^ rotr(W[t - 2], 19) ^ (W[t - 2] >>> 10);
        W[t] = (W[t - 16] + s0 + W[t - 7] + s1) | 0;
      }
      var a = h0, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7, bb = h1;
      for (t = 0; t < 64; t++) {
        var S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        var ch = (e & f) ^ (~e & g);
        var t1 = (h + S1 + ch + K[t] + W[t]) | 0;
        var S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        var maj = (a & bb) ^ (a & c) ^ (bb & c);
        var t2 = (S0 + maj) | 0;
        h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = bb; bb = a; a = (t1 + t2) | 0;
      }
      h0 = (h0 + a) | 0; h1 = (h1 + bb) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
      h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
    }
    return [h0 >>> 0, h1 >>> 0];
  }
  function zeroBits(words) {
    var n = Math.clz32(words[0]);
    return n < 32 ? n : 32 + Math.clz32(words[1]);
  }
  function difficultyOf(token) {
    var payload = token.split(".")[0].replace(/-/g, "+").replace(/_/g, "/");
    try { var raw = atob(payload + "===".slice((payload.length + 3) % 4)); } catch (e) { return -1; }
    return raw.length === 26 ? raw.charCodeAt(25) : -1;
  }
  var form = document.getElementById("report-form");
  if (!form) return;
  var challenge = form.querySelector("input[name=challenge]");
  var pow = document.getElementById("pow");
  var status = document.getElementById("challenge-status");
  var button = form.querySelector("button[type=submit]");
  var token = challenge ? challenge.value : "", difficulty = difficultyOf(token);
  var done = false, submitting = false, n = 0;
  if (difficulty < 0) return;
  function step() {
    var until = n + 20000;
    for (; n < until; n++) {
      if (zeroBits(sha256(token + ":" + n)) >= difficulty) {
        pow.value = String(n);
        done = true;
        if (submitting) { form.submit(); }
        return;
      }
    }
    setTimeout(step, 0);
  }
  setTimeout(step, 0);
  form.addEventListener("submit", function (ev) {
    if (button) { button.textContent = button.getAttribute("data-sending"); }
    if (!done) {
      ev.preventDefault();
      submitting = true;
      status.hidden = false;
      status.textContent = status.getAttribute("data-working");
    }
  });
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
