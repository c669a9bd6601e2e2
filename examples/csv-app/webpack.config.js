// webpack 5 with elm-webpack-loader: `npx webpack` (with webpack-cli) writes the bundled
// app to dist-webpack/. Run `hamlet generate` first: web/main.js imports the generated
// glue, and webpack follows its `new Worker(new URL(..., import.meta.url))` to bundle
// the worker. No HTML plugin: the small one below writes web/index.html beside the
// bundle, with the stylesheet.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

class IndexPage {
    apply(compiler) {
        const { Compilation, sources } = compiler.webpack;
        compiler.hooks.thisCompilation.tap('IndexPage', (compilation) => {
            const stage = Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL;
            compilation.hooks.processAssets.tap({ name: 'IndexPage', stage }, () => {
                const page = readFileSync(here('./web/index.html'), 'utf8');
                compilation.emitAsset('index.html', new sources.RawSource(page.replace('../style.css', './style.css')));
                compilation.emitAsset('style.css', new sources.RawSource(readFileSync(here('./style.css'), 'utf8')));
            });
        });
    }
}

export default {
    mode: 'production',
    context: here('.'),
    entry: './web/main.js',
    output: { path: here('./dist-webpack'), filename: 'main.js', publicPath: 'auto', clean: true },
    module: {
        rules: [
            {
                test: /\.elm$/,
                exclude: [/elm-stuff/, /node_modules/],
                use: { loader: 'elm-webpack-loader', options: { optimize: true } },
            },
        ],
    },
    plugins: [new IndexPage()],
    performance: { hints: false },
};
