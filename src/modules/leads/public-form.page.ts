import type { FormField } from './web-forms.service.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const LABELS: Record<FormField, string> = {
  name: '姓名',
  mobile: '手机号',
  company: '公司名称',
  email: '邮箱',
  title: '职位',
  province: '省份',
  city: '城市',
  industry: '行业',
  companySize: '公司规模',
  notes: '留言',
};

/**
 * The embeddable form page (`<iframe src=".../f/KEY?channel=...">`): plain HTML with a little script,
 * so it loads fast on a phone inside any site or a WeChat article. The serving time is written into
 * the page; the hidden "website" field is the honeypot.
 */
export function renderFormPage(form: { key: string; name: string; fields: FormField[]; thankYou: string | null }, options: { channel: string | null; servedAt: number }): string {
  const inputs = form.fields
    .map((field) => {
      const label = escapeHtml(LABELS[field]);
      const required = field === 'name' || field === 'mobile' ? ' required' : '';
      const control =
        field === 'notes'
          ? `<textarea name="${field}" rows="3" maxlength="2000"></textarea>`
          : `<input name="${field}" type="${field === 'mobile' ? 'tel' : field === 'email' ? 'email' : 'text'}" maxlength="200"${required} autocomplete="${field === 'mobile' ? 'tel' : field === 'email' ? 'email' : field === 'name' ? 'name' : field === 'company' ? 'organization' : 'off'}">`;
      return `<label>${label}${required ? ' *' : ''}${control}</label>`;
    })
    .join('\n');
  const action = `/api/v1/public/forms/${encodeURIComponent(form.key)}/submissions${options.channel ? `?channel=${encodeURIComponent(options.channel)}` : ''}`;
  // A JS string literal inside <script>: JSON-quoted, and no '<' that could close the script.
  const thanks = JSON.stringify(form.thankYou ?? '提交成功，我们会尽快与您联系。').replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(form.name)}</title>
<style>
body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;padding:16px;color:#1f1f1f;background:#fff}
form{max-width:480px;margin:0 auto;display:flex;flex-direction:column;gap:12px}
h1{font-size:20px;margin:0 0 4px}
label{display:flex;flex-direction:column;gap:4px;font-size:14px}
input,textarea{font:inherit;padding:8px 10px;border:1px solid #d9d9d9;border-radius:6px}
button{font:inherit;padding:10px;border:0;border-radius:6px;background:#1677ff;color:#fff;cursor:pointer}
.hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
.msg{max-width:480px;margin:8px auto;font-size:14px}.err{color:#cf1322}
</style></head>
<body>
<form id="f" data-action="${escapeHtml(action)}">
<h1>${escapeHtml(form.name)}</h1>
${inputs}
<div class="hp" aria-hidden="true"><label>Website<input name="website" tabindex="-1" autocomplete="off"></label></div>
<input type="hidden" name="startedAt" value="${options.servedAt}">
<button type="submit">提交</button>
</form>
<p id="m" class="msg" role="status"></p>
<script>
(function(){var f=document.getElementById('f'),m=document.getElementById('m');
f.addEventListener('submit',function(e){e.preventDefault();var d={};new FormData(f).forEach(function(v,k){if(v!=='')d[k]=k==='startedAt'?Number(v):v;});
m.className='msg';m.textContent='提交中…';
fetch(f.dataset.action,{method:'POST',headers:{'content-type':'application/json','accept-language':'zh-CN'},body:JSON.stringify(d)})
.then(function(r){return r.json().then(function(b){return{ok:r.ok,b:b};});})
.then(function(x){if(x.ok){f.style.display='none';m.textContent=${thanks};}else{m.className='msg err';m.textContent=(x.b&&x.b.error&&x.b.error.message)||'提交失败';}})
.catch(function(){m.className='msg err';m.textContent='网络错误，请稍后再试';});});})();
</script>
</body></html>`;
}
