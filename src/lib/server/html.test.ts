import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html';

describe('html', () => {
	it("keeps people's words as text, whatever they type", () => {
		expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
		expect(html`<a href="${'/x" onmouseover="evil'}">${'<b>'}</a>`).toBe('<a href="/x&quot; onmouseover=&quot;evil">&lt;b&gt;</a>');
		expect(html`<bdi>${'مرحبا'}</bdi>`).toBe('<bdi>مرحبا</bdi>');
	});
});
