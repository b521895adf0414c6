/**
 * `npm start`: build the web app when its sources are newer than dist/, then run the server.
 * A second start skips the build, so it serves in seconds.
 */
import { buildWebIfStale, webBuildIsStale } from './web-build.ts';

if (webBuildIsStale()) console.log('正在构建网页界面（首次启动或代码更新后）…');
const seconds = await buildWebIfStale();
if (seconds > 0) console.log(`网页界面构建完成（${seconds.toFixed(1)} 秒）`);
await import('../src/server/main.ts');
