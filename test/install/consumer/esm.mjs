// Imported by the consumer test from a project that installed the packed tarballs.
import { validateAssumeRole } from '@rolecall/validators';

const ok = validateAssumeRole({ RoleArn: 'arn:aws:iam::123456789012:role/deploy', RoleSessionName: 'deploy-session' });
const bad = validateAssumeRole({ RoleArn: 'arn:aws:iam::123456789012:role/deploy', RoleSessionName: 'has space' });
console.log(JSON.stringify({ ok: ok.valid, bad: bad.valid, codes: bad.issues.map((i) => `${i.code} ${i.path}`) }));
