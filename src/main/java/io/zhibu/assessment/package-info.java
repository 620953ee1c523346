/**
 * 考核评价 branch assessment (rules.md §8): standard systems as versioned configuration, scores derived from the
 * other modules' facts through {@link io.zhibu.assessment.BranchFactSource}, campaigns with self-check and spot
 * check, veto items and star tiers, and the public {@link io.zhibu.assessment.AssessmentResults} query API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "org", "shared", "warning"})
package io.zhibu.assessment;
