/**
 * V8's optimising compiler, held to a smaller inlining budget in the server process (its worker
 * threads included): imported first by the server's entry, before any code is hot.
 *
 * Why: an index build on a fresh server is paid mostly in compilation. Each index worker is a V8
 * isolate of its own that compiles the analysis afresh, on the same cores as the analysis, and with
 * V8's default budget (920 bytes of bytecode inlined per function) the compiler threads took about a
 * third of the build's CPU. With 150, the index of the 10,000 bench notes took about 11 % less CPU
 * and time (`npm run bench:workspace`, see the README), and the analysis, once compiled, is 2–3 %
 * slower. The budget is a heuristic V8 reads whenever it compiles, so changing it at run time is
 * safe; flags that change how code runs are not set here.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');
