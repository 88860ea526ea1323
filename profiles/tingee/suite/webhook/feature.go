package webhook

// FeaturePath is the feature webhook-check runs, inside harness.Features.
const FeaturePath = "features/webhook-receiver.feature"
