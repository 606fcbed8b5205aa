// A Vue 3 app that renders <article-widget> the Vue way: a template with a
// bound src and an @ listener, a src that changes with state, and an unmount.
import { createApp, ref } from 'vue';

window.loads = [];
const app = createApp({
  setup() {
    const src = ref(window.FIRST_SRC);
    const shown = ref(true);
    window.app = { setSrc: (value) => { src.value = value; }, setShown: (value) => { shown.value = value; } };
    return { src, shown, onLoad: (event) => window.loads.push(event.detail.headline) };
  },
  template: `
    <article-widget v-if="shown" :src="src" loading="eager" @article-widget-load="onLoad">
      <a :href="src">Read the article</a>
    </article-widget>
    <p v-else id="gone">No article.</p>`,
});
app.config.compilerOptions.isCustomElement = (tag) => tag === 'article-widget';
app.mount('#root');
