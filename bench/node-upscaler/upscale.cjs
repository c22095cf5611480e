// The benchmark's peer: UpscalerJS 1.0.0 (its Node.js build) with ESRGAN-slim x4 on TensorFlow.js 4.22.0.
// tfjs-node cannot be installed offline (its install script downloads libtensorflow), so the library's Node build
// is given plain @tensorflow/tfjs with the WebAssembly backend in its place, and the model is read from
// node_modules through a file:// loader (what tfjs-node would have provided).
//
// Usage: node upscale.cjs --input pixels.rgb --width W --height H [--patch 128] [--padding 8] [--repeat 3] [--output out.rgb]
// Input and output are raw 8-bit RGB. Prints key=value lines; times are seconds.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
  if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
  return pairs;
}, []));
const width = Number(args.width);
const height = Number(args.height);
const patchSize = args.patch ? Number(args.patch) : undefined;
const padding = args.padding ? Number(args.padding) : undefined;
const repeat = Number(args.repeat ?? 1);

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === '@tensorflow/tfjs-node' ? '@tensorflow/tfjs' : request, ...rest);
};

const tf = require('@tensorflow/tfjs');
const wasm = require('@tensorflow/tfjs-backend-wasm');

tf.io.registerLoadRouter((url) => {
  if (typeof url !== 'string' || !url.startsWith('file://')) return null;
  const file = url.slice('file://'.length);
  return {
    load: async () => {
      const model = JSON.parse(fs.readFileSync(file, 'utf8'));
      const folder = path.dirname(file);
      const weightSpecs = model.weightsManifest.flatMap((group) => group.weights);
      const shards = model.weightsManifest.flatMap((group) => group.paths.map((p) => fs.readFileSync(path.join(folder, p))));
      const weightData = new Uint8Array(Buffer.concat(shards)).buffer;
      return {
        modelTopology: model.modelTopology,
        format: model.format,
        generatedBy: model.generatedBy,
        convertedBy: model.convertedBy,
        weightSpecs,
        weightData,
      };
    },
  };
});

async function main() {
  wasm.setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), path.sep));
  wasm.setThreadsCount(os.cpus().length);
  await tf.setBackend('wasm');
  await tf.ready();
  console.log(`node.backend=${tf.getBackend()}`);
  console.log(`node.wasm_threads=${wasm.getThreadsCount()}`);
  console.log(`node.wasm_simd=${await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')}`);

  const Upscaler = require('upscaler/node');
  const x4 = require('@upscalerjs/esrgan-slim/4x');
  const upscaler = new Upscaler({ model: x4.default ?? x4 });
  const pixels = fs.readFileSync(args.input);
  if (pixels.length !== width * height * 3) throw new Error(`${args.input} holds ${pixels.length} bytes, not ${width}x${height} RGB`);

  const started = process.hrtime.bigint();
  await upscaler.getModel();
  console.log(`node.load_s=${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(3)}`);

  const options = { output: 'tensor', patchSize, padding };
  const times = [];
  let result;
  for (let i = 0; i < repeat; i++) {
    result?.dispose();
    const input = tf.tensor3d(Float32Array.from(pixels), [height, width, 3], 'float32');
    const start = process.hrtime.bigint();
    result = await upscaler.execute(input, options);
    await result.data();
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    input.dispose();
  }

  console.log(`node.input=${width}x${height}`);
  console.log(`node.patch=${patchSize ?? 'none'} node.padding=${padding ?? 0}`);
  console.log(`node.times_s=${times.map((t) => t.toFixed(3)).join(',')}`);
  console.log(`node.upscale_s=${Math.min(...times).toFixed(3)}`);
  console.log(`node.peak_rss_mb=${(process.resourceUsage().maxRSS / 1024).toFixed(0)}`);
  if (args.output) {
    const data = await result.data();
    fs.writeFileSync(args.output, Uint8Array.from(data, (v) => Math.max(0, Math.min(255, Math.round(v)))));
  }
  result.dispose();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
