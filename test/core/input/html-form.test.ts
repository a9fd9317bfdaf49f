import { describe, expect, it } from 'vitest';
import { extractHtmlFormFields } from '../../../src/core/input/html-form.ts';

const fields = (html: string) => Object.fromEntries(extractHtmlFormFields(html));

describe('extractHtmlFormFields', () => {
  it('reads inputs in any case and quoting, with character references', () => {
    expect(
      fields(
        `<form><INPUT TYPE=hidden NAME=SAMLResponse VALUE="a&amp;b"><input name='RelayState' value='x y'/><input name=roleIndex value=r1></form>`,
      ),
    ).toEqual({ SAMLResponse: 'a&b', RelayState: 'x y', roleIndex: 'r1' });
  });

  it('counts radio buttons and checkboxes only when checked; the first field of a name wins', () => {
    expect(
      fields(
        `<input type="radio" name="roleIndex" value="a"><input type="RADIO" name="roleIndex" value="b" checked><input name="roleIndex" value="c"><input type=checkbox name=x value=1>`,
      ),
    ).toEqual({ roleIndex: 'b' });
  });

  it('takes the first of two same-named attributes, as a browser does', () => {
    expect(fields(`<input name="a" value="1" value="2">`)).toEqual({ a: '1' });
  });

  it('reads a quoted value holding ">"', () => {
    expect(fields(`<input name="a" value="1>2"><input name=b value=3>`)).toEqual({
      a: '1>2',
      b: '3',
    });
  });

  it('reads textarea text up to </textarea in any case, and never reads tags inside it', () => {
    expect(
      fields(
        `<textarea name="SAMLResponse">PHNhbWw&#43;</TEXTAREA ><textarea name=t><input name="inside" value="no"></textarea>`,
      ),
    ).toEqual({ SAMLResponse: 'PHNhbWw+', t: '<input name="inside" value="no">' });
  });

  it('an unclosed textarea runs to the end of the page', () => {
    expect(fields(`<textarea name=a>text <b>`)).toEqual({ a: 'text <b>' });
  });

  it('ignores tags that only start with input or textarea, and tags the page ends inside', () => {
    expect(
      fields(`<inputs name=a value=1><textareax name=b>2</textarea><input name=c value="3`),
    ).toEqual({});
  });
});
