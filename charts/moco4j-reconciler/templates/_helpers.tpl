{{- define "moco4j-reconciler.fullname" -}}
{{- if contains "moco4j-reconciler" .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name "moco4j-reconciler" | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "moco4j-reconciler.selectorLabels" -}}
app.kubernetes.io/name: moco4j-reconciler
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "moco4j-reconciler.labels" -}}
{{ include "moco4j-reconciler.selectorLabels" . }}
app.kubernetes.io/component: reconciler
app.kubernetes.io/part-of: moco4j
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}
