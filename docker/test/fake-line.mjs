// A fake LINE Messaging API for docker/test.sh: answers every call the worker makes (reply, push, loading, profile)
// and lists them at GET /calls, so the test can see the reply to its signed webhook. Node's standard library only.
import { createServer } from 'node:http';

const calls = [];
createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
        response.setHeader('Content-Type', 'application/json');
        if (request.method === 'GET' && request.url === '/calls') {
            response.end(JSON.stringify(calls));
            return;
        }
        calls.push({ method: request.method, path: request.url, body });
        if (request.url.startsWith('/v2/bot/profile/')) {
            response.end(JSON.stringify({ userId: 'Udocker', displayName: 'Docker test', language: 'en' }));
        } else if (request.url === '/v2/bot/message/reply' || request.url === '/v2/bot/message/push') {
            response.end(JSON.stringify({ sentMessages: [{ id: String(calls.length), quoteToken: 'q' }] }));
        } else {
            response.statusCode = request.url.startsWith('/v2/bot/chat/loading') ? 202 : 200;
            response.end('{}');
        }
    });
}).listen(8080, () => console.log('fake LINE listening on 8080'));
