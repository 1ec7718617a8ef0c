import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './infra/config/config.js';
async function main() {
    let config;
    try {
        config = loadConfig();
    }
    catch (error) {
        if (error instanceof ConfigError) {
            process.stderr.write(`${error.message}\n`);
            process.exit(78);
        }
        throw error;
    }
    const app = await createApp(config);
    await app.listen({ port: config.port, host: '0.0.0.0' });
    Logger.log(`listening on ${config.publicBaseUrl} (API /api, docs /api/docs${config.h5Dir ? ', H5 /h5/' : ''})`, 'Main');
}
main().catch((error) => {
    process.stderr.write(`start-up failed: ${error.stack ?? error}\n`);
    process.exit(1);
});
