// nelm-service: only what differs from Camunda's defaults (docs/engine.md). The webapp reads this file
// instead of Camunda's sample config.js; every key not set here keeps the webapp's built-in default.
export default {
  app: {
    vendor: 'NELM'
  }
};
