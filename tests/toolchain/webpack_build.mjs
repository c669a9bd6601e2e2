// Build with webpack's Node API (webpack-cli is not installed): node webpack_build.mjs
// <webpack.config.js>. Prints webpack's summary; exits 1 on any error or warning.
import { pathToFileURL } from 'node:url';
import webpack from 'webpack';

const config = (await import(pathToFileURL(process.argv[2]).href)).default;
const compiler = webpack(config);
compiler.run((error, stats) => {
    if (error) {
        console.error(error);
        process.exit(1);
    }
    console.log(stats.toString({ colors: false, modules: false }));
    const failed = stats.hasErrors() || stats.hasWarnings();
    compiler.close(() => process.exit(failed ? 1 : 0));
});
