// curvlab's engine worker: it runs engine.wasm (package wasm/worker), which
// computes the runs, and hands it the page's requests. Replies are
// Uint8Arrays whose buffers are transferred, never copied; a string reply
// says the engine stopped ("failed: why").
"use strict";
importScripts("wasm_exec.js");

// Requests that come before the Go side is ready wait here.
var early = [];
self.onmessage = function (e) {
  if (self.curvlabEngineHandle) self.curvlabEngineHandle(e.data);
  else early.push(e.data);
};

// curvlabYield(cb) calls cb once the worker has handled the messages that
// are waiting: the Go side computes in slices and yields between them.
var yieldChannel = new MessageChannel();
var yieldNext = null;
yieldChannel.port1.onmessage = function () {
  var cb = yieldNext;
  yieldNext = null;
  if (cb) cb();
};
self.curvlabYield = function (cb) {
  yieldNext = cb;
  yieldChannel.port2.postMessage(0);
};

// curvlabEngineReady is called by the Go side once it handles requests.
self.curvlabEngineReady = function () {
  early.splice(0).forEach(function (m) { self.curvlabEngineHandle(m); });
};

function failed(err) {
  self.curvlabEngineHandle = null;
  self.postMessage("failed: " + (err && err.message ? err.message : String(err)));
}

(async function () {
  var resp = await fetch("engine.wasm");
  if (!resp.ok) throw new Error("could not download engine.wasm (HTTP " + resp.status + ")");
  var go = new Go();
  var result;
  if (WebAssembly.instantiateStreaming) {
    var typed = new Response(resp.body, {headers: {"Content-Type": "application/wasm"}});
    result = await WebAssembly.instantiateStreaming(typed, go.importObject);
  } else {
    result = await WebAssembly.instantiate(await resp.arrayBuffer(), go.importObject);
  }
  await go.run(result.instance);
  failed(new Error("the engine exited"));
})().catch(failed);
