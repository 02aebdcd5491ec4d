{{/* One role's PodDisruptionBudget. Call with (dict "root" $ "role" "api"). */}}
{{- define "parley.pdb" -}}
{{- $values := index .root.Values .role -}}
{{- if $values.pdb.create -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "parley.roleName" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "parley.roleLabels" . | nindent 4 }}
  {{- include "parley.annotations" .root }}
spec:
  {{- if not (eq (toString $values.pdb.minAvailable) "") }}
  minAvailable: {{ $values.pdb.minAvailable }}
  {{- else }}
  maxUnavailable: {{ $values.pdb.maxUnavailable }}
  {{- end }}
  # Pods that never became ready may be evicted, so a broken rollout cannot block a node drain.
  unhealthyPodEvictionPolicy: AlwaysAllow
  selector:
    matchLabels:
      {{- include "parley.roleSelectorLabels" . | nindent 6 }}
{{- end -}}
{{- end -}}
