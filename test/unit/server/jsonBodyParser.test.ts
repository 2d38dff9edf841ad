import { describe, expect, it } from 'vitest';
import { BadBodyError, parseJsonBody } from '../../../src-server/http/jsonBodyParser';
import { findForbiddenKey, isStorableText } from '../../../src-server/validation/untrustedInput';

const bytes = (text: string) => new TextEncoder().encode(text);

function refusal(body: Uint8Array): BadBodyError {
  try {
    parseJsonBody(body);
  } catch (error) {
    expect(error).toBeInstanceOf(BadBodyError);
    return error as BadBodyError;
  }
  throw new Error('body was accepted');
}

describe('JSON body parser', () => {
  it('parses valid UTF-8 JSON, a leading BOM included', () => {
    expect(parseJsonBody(bytes('{"name":"Zürich 🚀"}'))).toEqual({ name: 'Zürich 🚀' });
    expect(parseJsonBody(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('[1]')]))).toEqual([1]);
  });

  it('names the first forbidden key in document order and the object holding it, escaping the pointer', () => {
    expect(refusal(bytes('[{"a/b~c":{"prototype":1}},{"__proto__":{}}]'))).toMatchObject({ statusCode: 400, message: 'forbidden key "prototype" at /0/a~1b~0c' });
    expect(findForbiddenKey(JSON.parse('{"constructor":{"__proto__":1}}'))).toEqual({ key: 'constructor', at: '' });
    expect(findForbiddenKey({ constructorName: 1, proto: [{ protoType: 2 }] })).toBeNull();
  });

  it('names the push row (and the field inside newDocumentState) holding a forbidden key', () => {
    const refused = refusal(bytes('[{"newDocumentState":{"id":"t1"}},{"newDocumentState":{"id":"t2","data":{"constructor":1}}}]'));
    expect(refused.message).toBe('forbidden key "constructor" at /1/newDocumentState/data');
    expect(refused.documents).toEqual([{ index: 1, id: 't2', field: '/data/constructor', message: 'forbidden key "constructor" at /1/newDocumentState/data' }]);
    expect(refusal(bytes('{"__proto__":1}')).documents).toBeUndefined();
  });

  it('refuses invalid UTF-8, empty and malformed bodies with a message saying what', () => {
    expect(refusal(new Uint8Array([0x5b, 0x22, 0xff, 0x22, 0x5d])).message).toBe('body is not valid UTF-8');
    expect(refusal(bytes('  ')).message).toBe('body is empty; send JSON');
    expect(refusal(bytes('[1 2]')).message).toBe('malformed JSON body (at character 4)');
    expect(refusal(bytes('{"password":"secret" x}')).message).toBe('malformed JSON body (at character 22)');
    expect(refusal(bytes('{"a":}')).message).toBe('malformed JSON body (unexpected character "}")');
    expect(refusal(bytes('tru')).message).toBe('malformed JSON body (unexpected end of input)');
  });
});

describe('storable text', () => {
  it('refuses NUL characters and unpaired surrogates, accepts paired ones', () => {
    expect(isStorableText('Ann Berg 🚀')).toBe(true);
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('\ud800')).toBe(false);
    expect(isStorableText('x\udc00')).toBe(false);
  });
});
